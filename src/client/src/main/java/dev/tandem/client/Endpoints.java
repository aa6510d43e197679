package dev.tandem.client;

import dev.tandem.api.TransferService;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where Tandem is and which way to reach it; shared by every command. */
public class Endpoints {

    @Option(names = "--via", defaultValue = "rest", description = "rest or ejb (default: ${DEFAULT-VALUE})",
            converter = ChannelConverter.class)
    Channel via;

    @Option(names = "--url", defaultValue = "${env:TANDEM_URL:-http://localhost:8080/tandem/api}",
            description = "REST API base URL (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--iiop", defaultValue = "${env:TANDEM_IIOP:-localhost:3700}",
            description = "host:port of Payara's IIOP listener (default: ${DEFAULT-VALUE})")
    String iiop;

    TransferService connect() {
        return via == Channel.EJB ? RemoteTransferService.connect(iiop) : new RestTransferService(url);
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
