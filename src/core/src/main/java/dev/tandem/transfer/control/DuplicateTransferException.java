package dev.tandem.transfer.control;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/**
 * Another transaction recorded a transfer with the same id first; this one rolls back. Executing
 * the request again finds that record and answers with its outcome (or a conflict).
 */
@ApplicationException(rollback = true)
public class DuplicateTransferException extends Exception {

    private static final long serialVersionUID = 1L;

    public DuplicateTransferException(UUID transferId) {
        super("transfer " + transferId + " was recorded concurrently by another transaction");
    }
}
