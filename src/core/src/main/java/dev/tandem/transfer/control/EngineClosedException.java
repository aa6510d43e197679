package dev.tandem.transfer.control;

import jakarta.ejb.ApplicationException;

/**
 * The application is stopping and takes no more transfers; nothing was done. A queued request goes
 * back to the queue, a caller may retry once Tandem is back.
 * <p>
 * An application exception: the transaction rolls back, but the bean that threw it is kept. A system
 * exception would have the container discard the message-driven bean, and a new one cannot be made
 * while the application stops; Payara then delivers without a transaction.
 */
@ApplicationException(rollback = true)
public class EngineClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineClosedException() {
        super("Tandem is stopping and takes no more transfers; nothing was done");
    }
}
