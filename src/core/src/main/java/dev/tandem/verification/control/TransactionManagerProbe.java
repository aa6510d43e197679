package dev.tandem.verification.control;

import dev.tandem.resources.PassiveXAResource;
import dev.tandem.resources.ServerTransactionManager;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.transaction.xa.Xid;

/**
 * Finds out the name this server's transaction manager writes into the XIDs it creates, by enlisting a
 * resource that only notes the XID it is given, in a transaction of its own that changes nothing.
 */
@Stateless
public class TransactionManagerProbe {

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String name() {
        var probe = new XidProbe();
        try {
            ServerTransactionManager.lookup().getTransaction().enlistResource(probe);
        } catch (Exception e) {
            throw new IllegalStateException("cannot enlist a probe in a transaction: " + e.getMessage(), e);
        }
        String name = probe.xid == null ? null : TransactionManagerName.of(probe.xid);
        if (name == null) {
            throw new IllegalStateException("this server's transaction manager creates XIDs of an unknown format: " + probe.xid);
        }
        return name;
    }

    /** Takes part in the transaction without changing anything: read-only at prepare, nothing to commit. */
    private static final class XidProbe extends PassiveXAResource {

        private Xid xid;

        @Override
        public void start(Xid xid, int flags) {
            if (this.xid == null) {
                this.xid = xid;
            }
        }
    }
}
