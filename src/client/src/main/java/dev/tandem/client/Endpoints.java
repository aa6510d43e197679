package dev.tandem.client;

import dev.tandem.api.TransferService;
import java.net.URI;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where Tandem is and which way to reach it; shared by every command. */
public class Endpoints {

    @Option(names = "--via", defaultValue = "rest", description = "rest or ejb (default: ${DEFAULT-VALUE})",
            converter = ChannelConverter.class)
    Channel via;

    @Mixin
    RestEndpoint rest;

    @Option(names = "--ejb-url", defaultValue = "${env:TANDEM_EJB_URL:-iiop://localhost:3700}",
            description = "the remote EJB endpoint: iiop://host:port (Payara) or remote+http://host:port (WildFly)"
                    + " (default: ${DEFAULT-VALUE})")
    URI ejbUrl;

    /** @param defaultUser the user a command acts as unless $TANDEM_USER names another ({@link Credentials}) */
    TransferService connect(String defaultUser) {
        return via == Channel.EJB ? RemoteTransferService.connect(ejbUrl, Credentials.fromEnvironment(defaultUser))
                : rest.connect(defaultUser);
    }

    Channel channel() {
        return via;
    }

    static final class ChannelConverter implements picocli.CommandLine.ITypeConverter<Channel> {
        @Override
        public Channel convert(String value) {
            return Channel.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
