package dev.tandem.transfer.control;

import dev.tandem.api.TransferStatus;
import dev.tandem.pages.NewestFirst;
import dev.tandem.transfer.entity.TransferRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One record per transfer id, in ledger A's database. */
@ApplicationScoped
public class TransferRegistry {

    @PersistenceContext(unitName = "ledger-a")
    EntityManager ledgerA;

    public Optional<TransferRecord> find(UUID id) {
        return Optional.ofNullable(ledgerA.find(TransferRecord.class, id.toString()));
    }

    /** Finds the record and locks it until the transaction ends; nothing is locked when there is none. */
    public Optional<TransferRecord> findForUpdate(UUID id) {
        return Optional.ofNullable(ledgerA.find(TransferRecord.class, id.toString(), LockModeType.PESSIMISTIC_WRITE));
    }

    /** How many transfers the registry holds, by status; a status without any is left out. */
    public Map<TransferStatus, Long> countByStatus() {
        var counts = new EnumMap<TransferStatus, Long>(TransferStatus.class);
        ledgerA.createQuery("select r.status, count(r) from TransferRecord r group by r.status", Object[].class)
                .getResultList().forEach(row -> counts.put((TransferStatus) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** The transfers that {@code query} finds, newest first, at most {@code limit} of them. */
    public List<TransferRecord> search(TransferQuery query, int limit) {
        return new NewestFirst("SELECT r FROM TransferRecord r", "r.createdAt", "r.id")
                .where("r.status = :status", "status", query.status())
                .where("(r.from = :account OR r.to = :account)", "account", query.account())
                .where("r.mode = :mode", "mode", query.mode())
                .where("r.createdAt >= :since", "since", query.since())
                .where("r.createdAt < :until", "until", query.until())
                .after(query.after())
                .page(ledgerA, TransferRecord.class, limit);
    }

    /**
     * Inserts the record at once, so that a concurrent transaction with the same id fails here, on
     * the primary key, rather than at commit.
     */
    public void add(TransferRecord record) throws DuplicateTransferException {
        try {
            ledgerA.persist(record);
            ledgerA.flush();
        } catch (PersistenceException e) {
            if (isIntegrityViolation(e)) {
                throw new DuplicateTransferException(record.id());
            }
            throw e;
        }
    }

    /** SQLSTATE class 23: the only constraint a new record can break is its primary key. */
    private static boolean isIntegrityViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
