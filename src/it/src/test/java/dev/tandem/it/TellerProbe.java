package dev.tandem.it;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.Roles;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferFailureException;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * An in-container test's way to Tandem's remote EJB, as a teller: the test itself runs unauthenticated
 * inside the server, and only tellers make transfers. Part of a probe deployment, with the
 * {@code teller} role mapped to the teller user for Payara ({@link #PAYARA_ROLE_MAPPING}).
 */
@Stateless
@RunAs(Roles.TELLER)
@PermitAll // WildFly denies the methods of a bean with security metadata that names no permission for them
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TellerProbe {

    /** glassfish-web.xml: Payara runs a run-as role as one of its principals. */
    static final String PAYARA_ROLE_MAPPING = """
            <glassfish-web-app>
              <security-role-mapping>
                <role-name>teller</role-name>
                <principal-name>teller</principal-name>
              </security-role-mapping>
            </glassfish-web-app>
            """;

    public TransferDetails transfer(TransferRequest request)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        try {
            return ((TransferService) new InitialContext().lookup(TransferService.JNDI_NAME)).transfer(request);
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    static TellerProbe lookUp() throws NamingException {
        return (TellerProbe) new InitialContext().lookup("java:module/TellerProbe");
    }
}
