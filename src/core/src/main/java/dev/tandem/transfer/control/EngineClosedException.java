package dev.tandem.transfer.control;

/**
 * The application is stopping and takes no more transfers; nothing was done. A queued request goes
 * back to the queue, a caller may retry once Tandem is back.
 */
public class EngineClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineClosedException() {
        super("Tandem is stopping and takes no more transfers; nothing was done");
    }
}
