package dev.tandem.ledger.control;

import dev.tandem.api.LedgerTotals;
import dev.tandem.ledger.entity.Account;
import dev.tandem.ledger.entity.LedgerEntry;
import dev.tandem.ledger.entity.LedgerId;
import dev.tandem.pages.NewestFirst;
import dev.tandem.pages.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The two ledger databases behind one interface: accounts are routed by their id. */
@ApplicationScoped
public class Ledgers {

    @PersistenceContext(unitName = "ledger-a")
    EntityManager ledgerA;

    @PersistenceContext(unitName = "ledger-b")
    EntityManager ledgerB;

    /**
     * Locks those of the given accounts that {@code ledger} holds for update, always in ascending id order
     * whatever the order of the arguments. Callers lock ledger A's accounts before ledger B's (which is
     * ascending id order too): transfers over the same accounts therefore queue up instead of deadlocking,
     * also across the two databases, where no database could detect the cycle.
     *
     * @return the accounts that exist, by id; unknown ids are absent
     */
    public Map<String, Account> lockInOrder(LedgerId ledger, String... accountIds) {
        var locked = new LinkedHashMap<String, Account>();
        for (String id : new TreeSet<>(List.of(accountIds))) {
            if (LedgerId.ofAccount(id).filter(ledger::equals).isPresent()) {
                Account account = entityManager(ledger).find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (account != null) {
                    locked.put(id, account);
                }
            }
        }
        return locked;
    }

    /** Posts one leg to a locked account; it is written to the database at the latest on commit. */
    public void post(Account account, String transferId, BigDecimal delta, Instant at) {
        entityManager(account.ledger()).persist(account.post(transferId, delta, at));
    }

    /** Writes what is pending for the account's ledger now rather than on commit. */
    public void flush(Account account) {
        entityManager(account.ledger()).flush();
    }

    public Optional<Account> find(String accountId) {
        return LedgerId.ofAccount(accountId).map(ledger -> entityManager(ledger).find(Account.class, accountId));
    }

    /** At most {@code limit} accounts of both ledgers with an id after {@code after} (all if null), in id order. */
    public List<Account> accounts(String after, int limit) {
        var page = new ArrayList<Account>();
        // every id of ledger A sorts before every id of ledger B
        for (LedgerId ledger : LedgerId.values()) {
            if (page.size() < limit) {
                page.addAll(entityManager(ledger)
                        .createQuery("SELECT a FROM Account a WHERE a.id > :after ORDER BY a.id", Account.class)
                        .setParameter("after", after == null ? "" : after)
                        .setMaxResults(limit - page.size())
                        .getResultList());
            }
        }
        return page;
    }

    /** At most {@code limit} of an account's entries, newest first, from after {@code after} (from the newest if null). */
    public List<LedgerEntry> entries(Account account, Position after, int limit) {
        return new NewestFirst("SELECT e FROM LedgerEntry e", "e.postedAt", "e.id")
                .where("e.accountId = :account", "account", account.id())
                .after(after)
                .page(entityManager(account.ledger()), LedgerEntry.class, limit);
    }

    public List<Account> accounts() {
        var all = new ArrayList<Account>();
        for (LedgerId ledger : LedgerId.values()) {
            all.addAll(entityManager(ledger).createQuery("SELECT a FROM Account a", Account.class).getResultList());
        }
        all.sort(Comparator.comparing(Account::id));
        return all;
    }

    public LedgerTotals totals() {
        var byLedger = new LinkedHashMap<String, Map<String, BigDecimal>>();
        for (LedgerId ledger : LedgerId.values()) {
            var sums = new LinkedHashMap<String, BigDecimal>();
            entityManager(ledger)
                    .createQuery("SELECT a.currency, SUM(a.balance) FROM Account a GROUP BY a.currency", Object[].class)
                    .getResultList()
                    .forEach(row -> sums.put((String) row[0], (BigDecimal) row[1]));
            byLedger.put(ledger.name(), sums);
        }
        return new LedgerTotals(byLedger);
    }

    private EntityManager entityManager(LedgerId ledger) {
        return ledger == LedgerId.A ? ledgerA : ledgerB;
    }
}
