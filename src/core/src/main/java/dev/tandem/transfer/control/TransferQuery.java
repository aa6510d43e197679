package dev.tandem.transfer.control;

import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferStatus;
import dev.tandem.pages.Position;
import java.time.Instant;

/**
 * What a search of the registry looks for; a null criterion is no criterion. {@code account} is either side of
 * a transfer; {@code since} is inclusive and {@code until} exclusive, on the time a transfer was recorded;
 * {@code after} is where the previous page ended.
 */
public record TransferQuery(TransferStatus status, String account, TransferMode mode, Instant since, Instant until,
                            Position after) {
}
