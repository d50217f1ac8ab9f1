package io.zauth.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zauth.config.ZauthConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a Host header can name, as Zulip's get_subdomain reads it: whole labels only, ports ignored. */
class OrganizationResolverTest {

    final OrganizationResolver resolver = new OrganizationResolver(null, new SmallRyeConfigBuilder()
            .withMapping(ZauthConfig.class)
            .withSources(new PropertiesConfigSource(Map.of("zauth.root-domain", "Chat.Example.org"), "test", 100))
            .build().getConfigMapping(ZauthConfig.class));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "chat.example.org | chat.example.org | ''",
            "CHAT.example.org:8443 | chat.example.org | ''",
            "www.chat.example.org | www.chat.example.org | ''",
            "math411.chat.example.org | math411.chat.example.org | math411",
            "chat.math411.example.edu | chat.math411.example.edu | null",
            "x.chat.example.org.evil.example | x.chat.example.org.evil.example | null",
            "a.b.chat.example.org | a.b.chat.example.org | null",
            "[::1]:8080 | [::1] | null"})
    void aHostNamesAnExtraHostAndPerhapsASubdomain(String host, String alias, String subdomain) {
        assertEquals(Optional.of(new OrganizationResolver.HostMatch(alias, subdomain)), resolver.subdomainOf(host));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {"null", "''", "'  '", "a:b:c", "host:99999999"})
    void noHostOrAMalformedOneNamesNothing(String host) {
        assertEquals(Optional.empty(), resolver.subdomainOf(host));
    }
}
