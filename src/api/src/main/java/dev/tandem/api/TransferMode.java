package dev.tandem.api;

/** How a transfer was requested: the caller waited for the outcome, or handed it to the queue. */
public enum TransferMode {
    SYNC,
    ASYNC
}
