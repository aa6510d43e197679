package dev.tandem.faults.control;

import dev.tandem.resources.PassiveXAResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;

/**
 * An XA resource that takes part in a transfer's two-phase commit only to stop it: at its
 * {@link FaultPoint} it writes the "reached" file and then blocks its thread for good, holding the
 * transaction where it is, until the test kills the server. For {@link FaultPoint#HEURISTIC} it
 * instead reports that it rolled back on its own; for {@link FaultPoint#HELD_BEFORE_COMMITS} it holds the
 * commit only while the transfer is armed, and for {@link FaultPoint#REFUSED_AFTER_HOLD} its vote, which is
 * then a refusal.
 */
final class StopDeadResource extends PassiveXAResource {

    private static final Logger LOG = Logger.getLogger(StopDeadResource.class.getName());

    private final FaultPoint point;
    private final Path armed;
    private final Path reached;

    StopDeadResource(FaultPoint point, Path armed, Path reached) {
        this.point = point;
        this.armed = armed;
        this.reached = reached;
    }

    /** Votes yes, unlike a passive resource: a read-only vote would leave it out of the commit phase. */
    @Override
    public int prepare(Xid xid) throws XAException {
        if (point == FaultPoint.BEFORE_DECISION) {
            stopDead();
        }
        if (point == FaultPoint.REFUSED_AFTER_HOLD) {
            holdWhileArmed();
            throw new XAException(XAException.XA_RBROLLBACK);
        }
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        if (point == FaultPoint.HEURISTIC) {
            signalReached();
            throw new XAException(XAException.XA_HEURRB);
        }
        if (point == FaultPoint.BEFORE_ANY_COMMIT || point == FaultPoint.BETWEEN_COMMITS) {
            stopDead();
        }
        if (point == FaultPoint.HELD_BEFORE_COMMITS) {
            holdWhileArmed();
        }
    }

    private void holdWhileArmed() {
        signalReached();
        LOG.warning(() -> "Fault switch: holding the transaction at " + point + " until " + armed + " is deleted");
        while (Files.exists(armed)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopDead() {
        signalReached();
        LOG.severe(() -> "Fault switch: stopped dead at " + point + "; waiting to be killed");
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // still waiting: only killing the server ends this
            }
        }
    }

    private void signalReached() {
        try {
            Path written = Files.writeString(reached.resolveSibling(reached.getFileName() + ".tmp"), point.name());
            Files.move(written, reached, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
