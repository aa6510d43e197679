package dev.tandem.client;

import dev.tandem.api.TransferService;
import java.net.URI;
import java.util.Properties;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Looks up Tandem's remote EJB, over the protocol of the server at the given address:
 * <ul>
 * <li>{@code iiop://host:port}, Payara Server: the naming provider comes from Payara's
 * {@code glassfish/lib/gf-client.jar}, which must be on the class path; on JDK 17 the JVM also needs
 * {@code --add-opens} for {@code java.lang}, {@code java.io} and {@code java.util} (./tandem sets them).</li>
 * <li>{@code remote+http://host:port}, WildFly: the naming and EJB client come from WildFly's
 * {@code bin/client/jboss-client.jar}; the caller authenticates as an application user.</li>
 * </ul>
 */
public final class RemoteTransferService {

    private RemoteTransferService() {
    }

    /**
     * @param address the server's remote EJB endpoint, e.g. {@code iiop://localhost:8037} or
     *                {@code remote+http://localhost:8080}
     * @param caller  for remote+http: the application user; not yet used over IIOP
     */
    public static TransferService connect(URI address, Credentials caller) {
        var environment = new Properties();
        String name;
        switch (String.valueOf(address.getScheme())) {
            case "iiop" -> {
                environment.put("org.omg.CORBA.ORBInitialHost", address.getHost());
                environment.put("org.omg.CORBA.ORBInitialPort", String.valueOf(address.getPort()));
                name = TransferService.JNDI_NAME;
            }
            case "remote+http" -> {
                environment.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
                environment.put(Context.PROVIDER_URL, address.toString());
                environment.put(Context.SECURITY_PRINCIPAL, caller.user());
                environment.put(Context.SECURITY_CREDENTIALS, caller.password());
                // WildFly's EJB client names a bean ejb:app/module/bean!view, the portable java:global name's tail
                name = "ejb:" + TransferService.JNDI_NAME.substring("java:global/".length());
            }
            default -> throw new IllegalArgumentException("expected iiop://host:port or remote+http://host:port, got " + address);
        }
        try {
            return (TransferService) new InitialContext(environment).lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("cannot look up " + name + " at " + address + ": " + e.getMessage(), e);
        }
    }
}
