package dev.tandem.artemisra;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/** A delivery session's XA resource that remembers whether a transaction manager started it since it last asked. */
final class StartWatchingXAResource extends SessionXAResource {

    private volatile boolean started;

    StartWatchingXAResource(XAResource session) {
        super(session);
    }

    void forgetStart() {
        started = false;
    }

    boolean started() {
        return started;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        super.start(xid, flags);
        started = true;
    }
}
