package dev.tandem.resources;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An XA resource that holds no data: it votes read-only, has nothing to commit, roll back or
 * recover, and is the same resource manager only as itself. Subclasses enlist it to watch or steer
 * a transaction and override only the step they act on.
 */
public abstract class PassiveXAResource implements XAResource {

    @Override
    public void start(Xid xid, int flags) throws XAException {
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return XA_RDONLY;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
    }

    @Override
    public void rollback(Xid xid) throws XAException {
    }

    @Override
    public void forget(Xid xid) throws XAException {
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return false;
    }
}
