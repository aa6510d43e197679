package dev.tandem.api;

import java.util.UUID;

/** No transfer with this id was ever accepted. */
public class UnknownTransferException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnknownTransferException(UUID transferId) {
        super("no transfer with id " + transferId);
    }
}
