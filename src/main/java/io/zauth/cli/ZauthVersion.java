package io.zauth.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

class ZauthVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"zauth " + ConfigProvider.getConfig().getValue("quarkus.application.version", String.class)};
    }
}
