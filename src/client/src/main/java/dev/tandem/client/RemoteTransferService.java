package dev.tandem.client;

import dev.tandem.api.TransferService;
import java.lang.reflect.InvocationTargetException;
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
 * {@code --add-opens} for {@code java.lang}, {@code java.io} and {@code java.util}, and for the login
 * {@code -Djava.security.auth.login.config=glassfish/lib/appclient/appclientlogin.conf} (./tandem sets
 * them). The caller logs in with gf-client's {@code ProgrammaticLogin}; the ORB then sends the
 * credentials with every call (CSIv2), for the whole JVM.</li>
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
     * @param caller  the user the calls are made as
     */
    public static TransferService connect(URI address, Credentials caller) {
        var environment = new Properties();
        String name;
        switch (String.valueOf(address.getScheme())) {
            case "iiop" -> {
                environment.put("org.omg.CORBA.ORBInitialHost", address.getHost());
                environment.put("org.omg.CORBA.ORBInitialPort", String.valueOf(address.getPort()));
                logInOverIiop(caller);
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

    /**
     * Payara's documented client login, called by name: gf-client.jar is Payara's and comes on the class
     * path at run time only. It keeps the credentials for the ORB; a wrong password is refused by the
     * server on the first call.
     */
    private static void logInOverIiop(Credentials caller) {
        try {
            Class<?> login = Class.forName("com.sun.enterprise.security.ee.auth.login.ProgrammaticLogin");
            login.getMethod("login", String.class, char[].class, String.class, boolean.class)
                    .invoke(login.getConstructor().newInstance(), caller.user(), caller.password().toCharArray(), null, true);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot log in as " + caller.user() + " over IIOP: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the IIOP login needs Payara's glassfish/lib/gf-client.jar on the class path", e);
        }
    }
}
