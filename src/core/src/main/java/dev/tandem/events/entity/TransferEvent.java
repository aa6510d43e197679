package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;

/**
 * Something that happened to a transfer, fired by the engine inside the transfer's transaction, so
 * that each observer can choose the transaction phase it needs.
 * <p>
 * The {@code sequence} is taken while the transfer holds its accounts' locks: of two transfers that
 * share an account, the one that commits first has the lower number. Observers that must keep commit
 * order per account (the live stream) go by it.
 */
public sealed interface TransferEvent permits TransferAccepted, TransferOutcome {

    long sequence();

    TransferDetails transfer();

    /** What happened, in a word: {@code accepted}, {@code completed} or {@code rejected}. */
    String kind();
}
