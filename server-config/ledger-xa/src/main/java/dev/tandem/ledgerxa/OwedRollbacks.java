package dev.tandem.ledgerxa;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The rollbacks a transaction manager asked of one database while it could not be reached, done as
 * soon as a connection to it opens again.
 * <p>
 * A branch prepared before the database went down stays prepared when it comes back, holding its row
 * locks. Narayana rolls it back through recovery, but Payara does not retry a rollback that failed,
 * and until its next restart the locks make every transfer touching those accounts wait and time
 * out. The transaction manager decided to roll back; doing it later on a new connection is that
 * decision, and what recovery would do (presumed abort).
 */
final class OwedRollbacks {

    private static final Logger LOG = Logger.getLogger(OwedRollbacks.class.getName());

    /** By database, so that they outlive a pool that is recreated with its data source. */
    private static final Map<String, OwedRollbacks> BY_DATABASE = new ConcurrentHashMap<>();

    private final String database;
    private final Map<String, Xid> owed = new ConcurrentHashMap<>();

    private OwedRollbacks(String database) {
        this.database = database;
    }

    /** Those of the database at this JDBC URL, as this user. */
    static OwedRollbacks of(String url, String user) {
        return BY_DATABASE.computeIfAbsent(url + " as " + user, OwedRollbacks::new);
    }

    void owe(Xid xid) {
        Xid copy = new OwedXid(xid.getFormatId(), xid.getGlobalTransactionId().clone(), xid.getBranchQualifier().clone());
        owed.put(Xids.describe(copy), copy);
        LOG.warning(() -> "The rollback of " + Xids.describe(copy) + " is owed to " + database + " until it can be reached again");
    }

    boolean isEmpty() {
        return owed.isEmpty();
    }

    /** Does the owed rollbacks on a connection of its own; what the database still cannot be asked stays owed. */
    void settle(LedgerXAResource.XAConnectionSource fresh) {
        if (owed.isEmpty()) {
            return;
        }
        try {
            XAConnection connection = fresh.open();
            try {
                XAResource resource = connection.getXAResource();
                for (var each : owed.entrySet()) {
                    if (settled(resource, each.getValue())) {
                        owed.remove(each.getKey());
                    }
                }
            } finally {
                connection.close();
            }
        } catch (SQLException | XAException unreachable) {
            LOG.log(Level.FINE, "Owed rollbacks stay owed to " + database, unreachable);
        }
    }

    /** Whether the rollback is no longer owed (done, or refused and left to recovery); throws while the database cannot be reached. */
    private boolean settled(XAResource resource, Xid xid) throws XAException {
        try {
            resource.rollback(xid);
            LOG.info(() -> "Rolled back " + Xids.describe(xid) + ", owed since " + database + " could not be reached");
            return true;
        } catch (XAException failure) {
            if (failure.errorCode == XAException.XAER_NOTA) {
                return true;
            }
            if (ConnectionLoss.causes(failure)) {
                throw failure;
            }
            LOG.log(Level.WARNING, "The owed rollback of " + Xids.describe(xid) + " was refused; it is left to recovery", failure);
            return true;
        }
    }

    private record OwedXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements Xid {
    }
}
