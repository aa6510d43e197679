package dev.tandem.api;

/** The request is malformed or incomplete; nothing was recorded. Fix the request before sending it again. */
public class InvalidTransferException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTransferException(String detail) {
        super(detail);
    }
}
