package dev.tandem.ledgerxa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;
import javax.transaction.xa.Xid;

/**
 * For tests of what a pool may do to a connection in the middle of a two-phase commit: while a file
 * exists, every prepare waits after the database has prepared its branch, before the transaction
 * manager hears the vote, and says so in a file beside it ({@code <file>.reached}, holding the branch's
 * XID). Meanwhile a test can flush the pool, as an operator does after a database restart; the pool
 * then closes connections whose branches are in flight. Off unless the data source property
 * {@code preparesHeldWhile} names a file.
 */
final class HeldPrepares {

    static final HeldPrepares NONE = new HeldPrepares(null);

    private static final Logger LOG = Logger.getLogger(HeldPrepares.class.getName());

    private final Path whileExists;

    private HeldPrepares(Path whileExists) {
        this.whileExists = whileExists;
    }

    static HeldPrepares whileExists(String file) {
        return file == null || file.isBlank() ? NONE : new HeldPrepares(Path.of(file));
    }

    String file() {
        return whileExists == null ? null : whileExists.toString();
    }

    /** Returns at once, or once the file is gone. */
    void holdAfterPrepare(Xid xid) {
        if (whileExists == null || !Files.exists(whileExists)) {
            return;
        }
        LOG.warning(() -> "Prepared " + Xids.describe(xid) + "; its vote is held while " + whileExists + " exists");
        try {
            Path reached = whileExists.resolveSibling(whileExists.getFileName() + ".reached");
            Path written = Files.writeString(reached.resolveSibling(reached.getFileName() + ".tmp"), Xids.describe(xid));
            Files.move(written, reached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            while (Files.exists(whileExists)) {
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
