package dev.tandem.transfer.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Lets calls into the {@link TransferEngine} in until the application stops, then lets the calls in
 * flight finish before the EJB containers stop. Every boundary enters here before it calls the engine.
 * <p>
 * Payara stops an application's EJB containers one by one, in an order that changes from one
 * deployment to the next. A call that reaches the engine after the engine's container has stopped
 * fails in a way that leaves the call's invocation and transaction behind on the calling thread; the
 * message-driven bean's later deliveries on that thread can then be acknowledged outside any
 * transaction, and their requests are lost. {@link ShutdownSequence} closes this gate before any
 * container stops, so that no call reaches a stopped one. (docs: reliability, "requests lost in a
 * graceful restart")
 * <p>
 * A refused call rolls its transaction back. For a queued request that spends one of its delivery
 * attempts, and the broker redelivers it after a second or more; while the drain lasts, the same request
 * could come back and be refused until the broker gives up on it. So {@link #enterQueued} holds a
 * delivery until the drain is over before it refuses it.
 * <p>
 * A CDI bean, not an EJB: it must stay callable while the EJB containers stop.
 */
@ApplicationScoped
public class EngineAdmission {

    private static final Logger LOG = Logger.getLogger(EngineAdmission.class.getName());

    private int inFlight;
    private boolean closed;
    private boolean drained;

    /**
     * One more call into the engine; every {@code enter} is followed by one {@link #leave}.
     *
     * @throws EngineClosedException the application is stopping
     */
    public synchronized void enter() {
        if (closed) {
            throw new EngineClosedException();
        }
        inFlight++;
    }

    /**
     * {@link #enter} for the delivery of a queued request: while the application drains, the delivery
     * waits until the drain is over and is refused then.
     *
     * @throws EngineClosedException the application is stopping
     */
    public synchronized void enterQueued() {
        while (closed && !drained) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        enter();
    }

    public synchronized void leave() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /**
     * Lets no more calls in and waits, at most {@code patience}, for those in flight to finish.
     *
     * @return whether they all finished
     */
    public synchronized boolean closeAndDrain(Duration patience) throws InterruptedException {
        closed = true;
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            for (long left = patience.toNanos(); inFlight > 0 && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            if (inFlight > 0) {
                LOG.warning(inFlight + " transfer(s) still in flight after " + patience + "; the application stops anyway");
            }
            return inFlight == 0;
        } finally {
            drained = true;
            notifyAll();
        }
    }
}
