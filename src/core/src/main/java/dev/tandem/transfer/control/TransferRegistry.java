package dev.tandem.transfer.control;

import dev.tandem.api.TransferStatus;
import dev.tandem.transfer.entity.TransferRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
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
        var where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        var parameters = new HashMap<String, Object>();
        if (query.status() != null) {
            where.add("r.status = :status");
            parameters.put("status", query.status());
        }
        if (query.account() != null) {
            where.add("(r.from = :account OR r.to = :account)");
            parameters.put("account", query.account());
        }
        if (query.mode() != null) {
            where.add("r.mode = :mode");
            parameters.put("mode", query.mode());
        }
        if (query.since() != null) {
            where.add("r.createdAt >= :since");
            parameters.put("since", query.since());
        }
        if (query.until() != null) {
            where.add("r.createdAt < :until");
            parameters.put("until", query.until());
        }
        if (query.after() != null) {
            where.add("(r.createdAt < :afterAt OR (r.createdAt = :afterAt AND r.id < :afterId))");
            parameters.put("afterAt", query.after().at());
            parameters.put("afterId", query.after().id());
        }
        var search = ledgerA.createQuery("SELECT r FROM TransferRecord r" + where + " ORDER BY r.createdAt DESC, r.id DESC",
                TransferRecord.class).setMaxResults(limit);
        parameters.forEach(search::setParameter);
        return search.getResultList();
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
