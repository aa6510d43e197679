package dev.tandem.transfer.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 * attempts, and the request comes back at once; while the drain lasts, it could be refused until the
 * broker gives up on it. So {@link #enterQueued} holds a delivery until the drain is over before it
 * refuses it, and each redelivery is held back first ({@link #holdRedelivery}).
 * <p>
 * A CDI bean, not an EJB: it must stay callable while the EJB containers stop.
 */
@ApplicationScoped
public class EngineAdmission {

    private static final Logger LOG = Logger.getLogger(EngineAdmission.class.getName());

    // A lock of its own, never synchronized methods: callers reach this bean through its CDI proxy, whose
    // overrides of synchronized methods synchronize on the proxy too, and a wait() releases only the bean's
    // monitor, not the proxy's. A delivery waiting here then held up every other caller (docs: reliability).
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;
    private boolean closed;
    private boolean drained;

    /**
     * One more call into the engine; every {@code enter} is followed by one {@link #leave}.
     *
     * @throws EngineClosedException the application is stopping
     */
    public void enter() {
        lock.lock();
        try {
            if (closed) {
                throw new EngineClosedException();
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #enter} for the delivery of a queued request: while the application drains, the delivery
     * waits until the drain is over and is refused then.
     *
     * @throws EngineClosedException the application is stopping
     */
    public void enterQueued() {
        lock.lock();
        try {
            while (closed && !drained) {
                changed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        enter();
    }

    /**
     * Holds a redelivered request for {@code pause} before it enters, also while the application stops: a
     * request refused then comes back at once, and without the pause it would spend its delivery attempts
     * in a moment and reach the dead-letter queue. A held request is not in flight: the drain does not wait
     * for it, and nothing else waits for it either.
     */
    public void holdRedelivery(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many calls are in the engine now. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    public void leave() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets no more calls in and waits, at most {@code patience}, for those in flight to finish.
     *
     * @return whether they all finished
     */
    public boolean closeAndDrain(Duration patience) throws InterruptedException {
        lock.lock();
        try {
            closed = true;
            long left = patience.toNanos();
            while (inFlight > 0 && left > 0) {
                left = changed.awaitNanos(left);
            }
            if (inFlight > 0) {
                LOG.warning(inFlight + " transfer(s) still in flight after " + patience + "; the application stops anyway");
            }
            return inFlight == 0;
        } finally {
            drained = true;
            changed.signalAll();
            lock.unlock();
        }
    }
}
