package dev.tandem.artemisra;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The rollbacks of broker branches the transaction manager could not get through to the broker, done
 * on a session of their own once the broker answers again.
 * <p>
 * When the broker fails over or restarts during a {@code prepare}, the client cannot tell whether the
 * prepare reached the journal; it answers XAER_RMFAIL, the transaction manager rolls the transaction
 * back, and its {@code rollback} of the broker branch fails as well while the session fails over. A
 * prepare that did reach the journal leaves the branch prepared on the broker that takes over, holding
 * what it did: a delivery's acknowledgement of its request, a connection's sent replies and events. The
 * broker never times out a prepared branch, and Payara recovers only when it starts: the request would be
 * neither applied nor delivered again. Rolling the branch back later is the transaction manager's own
 * decision, and what recovery would do (presumed abort); once rolled back, the request goes back to its
 * queue and is delivered again.
 */
final class OwedBrokerRollbacks {

    /** Those of the adapter deployed with these classes: every XA resource it gives out owes to them. */
    static final OwedBrokerRollbacks OF_THIS_ADAPTER = new OwedBrokerRollbacks();

    private static final Logger LOG = Logger.getLogger(OwedBrokerRollbacks.class.getName());
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Xid> owed = new ConcurrentHashMap<>();

    /** A rollback the transaction manager decided on and the broker may not have heard. */
    void owe(Xid xid, XAException failure) {
        Xid copy = new OwedXid(xid.getFormatId(), xid.getGlobalTransactionId().clone(), xid.getBranchQualifier().clone());
        owed.put(describe(copy), copy);
        LOG.log(Level.WARNING, "The broker may hold " + describe(copy) + " prepared; its rollback is owed until the broker answers", failure);
    }

    /** The transaction manager got the rollback through itself. */
    void paid(Xid xid) {
        owed.remove(describe(xid));
    }

    boolean isEmpty() {
        return owed.isEmpty();
    }

    /**
     * Does the owed rollbacks through a session of their own; what the broker cannot be asked yet stays owed.
     *
     * @throws XAException XAER_RMFAIL while the broker cannot be reached
     */
    void settle(XAResource session) throws XAException {
        for (var each : owed.entrySet()) {
            if (settled(session, each.getValue())) {
                owed.remove(each.getKey());
            }
        }
    }

    /** Whether the rollback is no longer owed: done, nothing to roll back, or refused and left to recovery. */
    private static boolean settled(XAResource session, Xid xid) throws XAException {
        try {
            session.rollback(xid);
            LOG.info(() -> "Rolled back " + describe(xid) + " on the broker, owed since it could not be reached");
            return true;
        } catch (XAException failure) {
            if (failure.errorCode == XAException.XAER_NOTA) {
                LOG.info(() -> "The broker holds no " + describe(xid) + ": its owed rollback is not needed");
                return true;
            }
            if (failure.errorCode == XAException.XAER_RMFAIL) {
                throw failure;
            }
            LOG.log(Level.WARNING, "The broker refused the owed rollback of " + describe(xid) + "; it is left to recovery", failure);
            return true;
        }
    }

    /** Whether a failure leaves the broker's side of a branch unknown: it may still be prepared. */
    static boolean leavesOutcomeUnknown(XAException failure) {
        return failure.errorCode == XAException.XAER_RMFAIL;
    }

    /** As in the transaction manager's log: format id, global transaction id and branch qualifier in hex. */
    static String describe(Xid xid) {
        return "xid " + xid.getFormatId() + ':' + HEX.formatHex(xid.getGlobalTransactionId()) + ':'
                + HEX.formatHex(xid.getBranchQualifier());
    }

    private record OwedXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements Xid {
    }
}
