package io.zauth.ldap;

import static io.zauth.support.Logins.login;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.ldap.support.SeedPeople;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No request acts under another person's bind, read from slapd's own record of every operation on
 * every connection: on a connection bound as a person, nothing runs but that person's read of their
 * own entry until the next bind; every search for a person runs as the service account. The
 * directories used here have one pooled connection each, so consecutive logins share it.
 */
@QuarkusTest
@QuarkusTestResource(value = DirectoryTestResource.class, restrictToAnnotatedClass = true)
class BindIsolationTest {

    private static final Pattern ACCEPT = Pattern.compile("conn=(\\d+) fd=\\d+ ACCEPT");
    private static final Pattern BIND = Pattern.compile("conn=(\\d+) op=(\\d+) BIND dn=\"(.*)\" method=");
    private static final Pattern BIND_RESULT = Pattern.compile("conn=(\\d+) op=(\\d+) RESULT tag=97 err=(\\d+)");
    private static final Pattern SEARCH = Pattern.compile("conn=(\\d+) op=(\\d+) SRCH base=\"(.*)\" scope=(\\d) ");
    private static final Pattern OTHER = Pattern.compile("conn=(\\d+) op=(\\d+) (EXT|CMP|MOD|ADD|DEL|MODRDN|PASSMOD) ");

    @Inject
    Fixtures fixtures;

    private Path log;

    @BeforeEach
    void requireSlapd() {
        assumeTrue(DirectoryTestResource.directory.isSlapd(), "only slapd keeps a record of every operation");
        log = DirectoryTestResource.directory.operationLog();
    }

    @Test
    void aPersonsBindIsFollowedOnlyByTheirOwnReadAndTheNextBind() throws Exception {
        long from = Files.size(log);
        Organization search = fixtures.directoryOrganization("onebind");
        Organization template = fixtures.directoryOrganization("onebindtemplate");

        login(search, "hamlet", "secret-hamlet").statusCode(200).body("email", equalTo("hamlet@example.org"));
        login(search, "sam", "wrong").statusCode(401);
        login(search, "sam", "secret-sam").statusCode(200).body("email", equalTo("samantha@example.org"));
        login(search, "nobody", "secret-hamlet").statusCode(401);
        login(search, "aaron", "secret-aaron").statusCode(200).body("email", equalTo("aaron@example.org"));
        login(search, "hamlet", "wrong").statusCode(401);
        login(search, "hamlet", "secret-hamlet").statusCode(200).body("email", equalTo("hamlet@example.org"));

        login(template, "hamlet", "secret-hamlet").statusCode(200).body("email", equalTo("hamlet@example.org"));
        login(template, "sam", "wrong").statusCode(401);
        login(template, "sam", "secret-sam").statusCode(200).body("email", equalTo("samantha@example.org"));
        login(template, "aaron", "secret-aaron").statusCode(200).body("email", equalTo("aaron@example.org"));

        // More logins at once than the pools hold: connections are made beyond them and given back.
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 18; i++) {
                String uid = List.of("hamlet", "sam", "aaron").get(i % 3);
                Organization org = i % 2 == 0 ? search : template;
                answers.add(pool.submit(() -> login(org, uid, "secret-" + uid).extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }

        Operations operations = Operations.read(log, from);
        assertEquals(List.of(), operations.violations, "operations that ran under a bind they should not have");
        assertTrue(operations.connectionsReusedByAnotherPerson > 0,
                "no connection carried two people's binds one after the other: the check proved nothing");
        assertEquals(0, operations.anonymousBindsAfterAPerson,
                "a connection that carried a person's bind was re-bound anonymously, a round trip that buys nothing");
    }

    /**
     * What slapd recorded from {@code offset} on, for the connections it accepted from there. slapd's
     * threads log independently: a connection's ACCEPT line may follow its first operations, and an
     * operation's result may follow the next operation's request. So every connection's lines are
     * gathered first and taken in the order of their operation numbers, not of the log.
     */
    private static final class Operations {
        final List<String> violations = new ArrayList<>();
        int connectionsReusedByAnotherPerson;
        int anonymousBindsAfterAPerson;

        /** One operation of one connection: its request line, and for a bind its result code once seen. */
        private static final class Operation {
            String request;
            String bindDn;
            String searchBase;
            String searchScope;
            String bindResult;
        }

        static Operations read(Path log, long offset) throws IOException, LDAPException {
            byte[] bytes;
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                file.seek(offset);
                bytes = new byte[(int) (file.length() - offset)];
                file.readFully(bytes);
            }
            Map<String, TreeMap<Integer, Operation>> connections = new HashMap<>();
            Set<String> accepted = new HashSet<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                Matcher m;
                if ((m = ACCEPT.matcher(line)).find()) {
                    accepted.add(m.group(1));
                } else if ((m = BIND.matcher(line)).find()) {
                    Operation op = operation(connections, m);
                    op.request = line.strip();
                    op.bindDn = m.group(3);
                } else if ((m = BIND_RESULT.matcher(line)).find()) {
                    operation(connections, m).bindResult = m.group(3);
                } else if ((m = SEARCH.matcher(line)).find()) {
                    Operation op = operation(connections, m);
                    op.request = line.strip();
                    op.searchBase = m.group(3);
                    op.searchScope = m.group(4);
                } else if ((m = OTHER.matcher(line)).find()) {
                    operation(connections, m).request = line.strip();
                }
            }
            Operations result = new Operations();
            for (String connection : accepted) {
                result.check(connections.getOrDefault(connection, new TreeMap<>()).values());
            }
            return result;
        }

        private static Operation operation(Map<String, TreeMap<Integer, Operation>> connections, Matcher m) {
            return connections.computeIfAbsent(m.group(1), c -> new TreeMap<>())
                    .computeIfAbsent(Integer.valueOf(m.group(2)), n -> new Operation());
        }

        private void check(Iterable<Operation> operations) throws LDAPException {
            DN people = new DN(SeedPeople.PEOPLE_DN);
            DN service = new DN(SeedPeople.SERVICE_DN);
            DN boundAs = DN.NULL_DN;
            DN lastPerson = null;
            boolean reused = false;
            for (Operation op : operations) {
                if (op.bindDn != null) {
                    DN dn = new DN(op.bindDn);
                    if (lastPerson != null && dn.isNullDN()) {
                        anonymousBindsAfterAPerson++;
                    }
                    if (lastPerson != null && dn.isDescendantOf(people, false) && !dn.equals(lastPerson)) {
                        reused = true;
                    }
                    boundAs = "0".equals(op.bindResult) ? dn : DN.NULL_DN;
                    if (boundAs.isDescendantOf(people, false)) {
                        lastPerson = boundAs;
                    }
                } else if (op.searchBase != null) {
                    DN base = new DN(op.searchBase);
                    boolean ownEntry = base.equals(boundAs) && "0".equals(op.searchScope);
                    if (boundAs.isDescendantOf(people, false) && !ownEntry) {
                        violations.add("as " + boundAs + ": " + op.request);
                    }
                    if (!boundAs.isDescendantOf(people, false) && base.isAncestorOf(people, true) && !"0".equals(op.searchScope)
                            && !boundAs.equals(service)) {
                        violations.add("a search for people not as the service account: " + op.request);
                    }
                } else if (op.request != null && boundAs.isDescendantOf(people, false)) {
                    violations.add("as " + boundAs + ": " + op.request);
                }
            }
            if (reused) {
                connectionsReusedByAnotherPerson++;
            }
        }
    }
}
