package dev.tandem.client;

import dev.tandem.api.TransferService;
import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Looks up Tandem's remote EJB over IIOP. The naming provider comes from Payara's
 * {@code glassfish/lib/gf-client.jar}, which must be on the class path; on JDK 17 the JVM also needs
 * {@code --add-opens} for {@code java.lang}, {@code java.io} and {@code java.util} (./tandem sets them).
 */
public final class RemoteTransferService {

    private RemoteTransferService() {
    }

    /** @param hostAndPort the server's IIOP listener, e.g. {@code localhost:8037} */
    public static TransferService connect(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("expected host:port for the IIOP listener, got " + hostAndPort);
        }
        var environment = new Properties();
        environment.put("org.omg.CORBA.ORBInitialHost", hostAndPort.substring(0, colon));
        environment.put("org.omg.CORBA.ORBInitialPort", hostAndPort.substring(colon + 1));
        try {
            return (TransferService) new InitialContext(environment).lookup(TransferService.JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException("cannot look up " + TransferService.JNDI_NAME + " at iiop://" + hostAndPort
                    + ": " + e.getMessage(), e);
        }
    }
}
