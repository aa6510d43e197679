package dev.tandem.resources;

import jakarta.transaction.TransactionManager;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The server's transaction manager, for enlisting a resource of Tandem's own: Jakarta EE gives it no standard name. */
public final class ServerTransactionManager {

    private static final List<String> NAMES = List.of(
            "java:appserver/TransactionManager", "java:jboss/TransactionManager", "java:/TransactionManager");

    private ServerTransactionManager() {
    }

    public static TransactionManager lookup() throws NamingException {
        var naming = new InitialContext();
        for (String name : NAMES) {
            try {
                return (TransactionManager) naming.lookup(name);
            } catch (NamingException notHere) {
                // try the next server's name
            }
        }
        throw new NamingException("no transaction manager under " + NAMES);
    }
}
