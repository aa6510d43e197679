package dev.tandem.verification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tandem.verification.control.LedgerRows.Account;
import dev.tandem.verification.control.LedgerRows.Audit;
import dev.tandem.verification.control.LedgerRows.DeadLetter;
import dev.tandem.verification.control.LedgerRows.Entry;
import dev.tandem.verification.control.LedgerRows.Transfer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each test corrupts a copy of a consistent snapshot in one way, and the finding must name what broke. */
class InvariantsTest {

    private static final String OPENING = Invariants.OPENING;
    private static final String PAID = "11111111-1111-1111-1111-111111111111";
    private static final String REFUSED = "22222222-2222-2222-2222-222222222222";
    private static final String QUEUED = "33333333-3333-3333-3333-333333333333";

    /** A-1 paid B-1 10.00; a second transfer was rejected; a third waits on the queue. */
    private static final class Snapshot {
        final List<Account> accounts = new ArrayList<>(List.of(account("A", "A-1", "990.00"), account("B", "B-1", "1010.00")));
        final List<Entry> entries = new ArrayList<>(List.of(
                entry("A", "open:A-1", OPENING, "A-1", "1000.00"),
                entry("B", "open:B-1", OPENING, "B-1", "1000.00"),
                entry("A", PAID + ":D", PAID, "A-1", "-10.00"),
                entry("B", PAID + ":C", PAID, "B-1", "10.00")));
        final List<Transfer> transfers = new ArrayList<>(List.of(
                new Transfer(PAID, "A-1", "B-1", "10.00", "EUR", "COMPLETED"),
                new Transfer(REFUSED, "A-1", "B-1", "5000", "EUR", "REJECTED"),
                new Transfer(QUEUED, "B-1", "A-1", "1.00", "EUR", "PENDING")));
        final List<Audit> audit = new ArrayList<>(List.of(
                new Audit(PAID, "COMPLETED"), new Audit(REFUSED, "REJECTED"), new Audit(QUEUED, "PENDING")));
        final Map<String, List<String>> prepared = new TreeMap<>(Map.of("A", List.of(), "B", List.of()));
        final Set<String> queued = new HashSet<>(Set.of(QUEUED));
        final List<DeadLetter> deadLetters = new ArrayList<>();

        /** Checks it as the verifier does, each table streamed in transfer id order. */
        List<String> check() {
            var invariants = new Invariants("tandem", accounts, deadLetters);
            invariants.checkTransfers(sorted(transfers, Transfer::id), sorted(audit, Audit::transferId),
                    List.of(sorted(inLedger("A"), Entry::transferId), sorted(inLedger("B"), Entry::transferId)));
            invariants.checkQueued(queued);
            prepared.forEach((ledger, branches) -> invariants.checkPrepared(ledger, branches, 0));
            return invariants.result().findings();
        }

        private List<Entry> inLedger(String ledger) {
            return entries.stream().filter(entry -> entry.ledger().equals(ledger)).toList();
        }
    }

    private static <T> Iterator<T> sorted(List<T> rows, Function<T, String> transferId) {
        return rows.stream().sorted(Comparator.comparing(transferId)).iterator();
    }

    private static List<String> check(Consumer<Snapshot> corruption) {
        var snapshot = new Snapshot();
        corruption.accept(snapshot);
        return snapshot.check();
    }

    @Test
    void aConsistentSnapshotHasNoFindings() {
        assertThat(new Snapshot().check()).isEmpty();
    }

    @Test
    void aMissingLegIsNamedWithItsTransfer() {
        var findings = check(snapshot -> snapshot.entries.removeIf(entry -> entry.id().equals(PAID + ":C")));

        assertThat(findings).anySatisfy(finding -> assertThat(finding)
                .contains("transfer " + PAID, "credit of B-1 in ledger B is missing"));
        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("account B-1 holds 1010.00"));
    }

    @Test
    void aDuplicatedLegIsNamedWithItsTransfer() {
        var findings = check(snapshot -> snapshot.entries.add(entry("A", PAID + ":D2", PAID, "A-1", "-10.00")));

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("transfer " + PAID + " has 2 debit legs"));
    }

    @Test
    void aDuplicatedRecordIsNamed() {
        var findings = check(snapshot -> snapshot.transfers.add(new Transfer(PAID, "A-1", "B-1", "10.00", "EUR", "REJECTED")));

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("transfer " + PAID + " is recorded more than once"));
    }

    @Test
    void legsOfATransferThatDidNotCompleteAreNamed() {
        var findings = check(snapshot -> snapshot.entries.add(entry("A", REFUSED + ":D", REFUSED, "A-1", "-1.00")));

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("transfer " + REFUSED + " is REJECTED but has legs"));
    }

    @Test
    void moneyThatAppearedFromNowhereBreaksConservation() {
        var findings = check(snapshot -> {
            snapshot.accounts.set(1, account("B", "B-1", "1110.00"));
            snapshot.entries.add(entry("B", "stray", "44444444-4444-4444-4444-444444444444", "B-1", "100.00"));
        });

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("money is not conserved in EUR"));
        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("transfer 44444444-4444-4444-4444-444444444444", "no record"));
    }

    @Test
    void aPendingTransferWhoseRequestIsGoneIsNamed() {
        var findings = check(snapshot -> snapshot.queued.clear());

        assertThat(findings).containsExactly("transfer " + QUEUED + " is PENDING but its request is on no queue");
    }

    @Test
    void preparedTransactionsLeftBehindAreNamedWithTheirLedger() {
        var findings = check(snapshot -> snapshot.prepared.put("B", List.of("1-abc-def")));

        assertThat(findings).containsExactly("ledger B has 1 prepared transaction(s) that nobody completed: [1-abc-def]");
    }

    @Test
    void aDeadLetterIsExplainedOnlyOnceItsTransferIsSettled() {
        var unexplained = check(snapshot -> snapshot.deadLetters.add(new DeadLetter("ID:1", QUEUED)));
        var explained = check(snapshot -> snapshot.deadLetters.add(new DeadLetter("ID:2", PAID)));

        assertThat(unexplained).anySatisfy(finding -> assertThat(finding)
                .contains("transfer " + QUEUED, "dead-letter queue and has not been replayed"));
        assertThat(explained).isEmpty();
    }

    @Test
    void aSettledTransferWithoutItsAuditRowIsNamed() {
        var findings = check(snapshot -> snapshot.audit.removeIf(audit -> audit.transferId().equals(REFUSED)));

        assertThat(findings).containsExactly("transfer " + REFUSED + " is REJECTED but the audit trail does not say so");
    }

    @Test
    void entriesForAnAccountTheLedgerDoesNotHoldAreNamed() {
        var findings = check(snapshot -> {
            snapshot.entries.removeIf(entry -> entry.id().equals(PAID + ":C"));
            snapshot.entries.add(entry("A", PAID + ":C", PAID, "B-1", "10.00"));
        });

        assertThat(findings).contains("ledger A has entries for account B-1, which that ledger does not hold");
    }

    @Test
    void aStreamOutOfTransferIdOrderStopsTheCheck() {
        var invariants = new Invariants("tandem", List.of(), List.of());
        var records = List.of(new Transfer(QUEUED, "B-1", "A-1", "1.00", "EUR", "PENDING"),
                new Transfer(PAID, "A-1", "B-1", "10.00", "EUR", "COMPLETED")).iterator();

        assertThatThrownBy(() -> invariants.checkTransfers(records, Collections.emptyIterator(), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the transfer registry did not come sorted by transfer id");
    }

    @Test
    void findingsBeyondTheListedOnesAreCounted() {
        int unaudited = Invariants.LISTED_FINDINGS + 500;
        var findings = check(snapshot -> {
            for (int i = 0; i < unaudited; i++) {
                snapshot.transfers.add(new Transfer(new UUID(1, i).toString(), "A-1", "B-1", "1", "EUR", "REJECTED"));
            }
        });

        assertThat(findings).hasSize(Invariants.LISTED_FINDINGS + 1).endsWith("... and 500 more finding(s)");
    }

    @Test
    void otherDatabasesPreparedBranchesAreCountedNotFound() {
        var invariants = new Invariants("tandem", List.of(), List.of());
        invariants.checkPrepared("B", List.of(), 2);

        Verification verification = invariants.result();
        assertThat(verification.findings()).isEmpty();
        assertThat(verification.checked().otherPreparedTransactions()).isEqualTo(2);
    }

    /** Rows made as they are read, as from a database cursor: nothing of the million is held at once. */
    @Test
    void aMillionTransfersAreCheckedAsTheyStreamBy() {
        int transfers = 1_000_000;
        var invariants = new Invariants("tandem", List.of(account("A", "A-1", "1000.00"), account("B", "B-1", "1000.00")), List.of());
        // A-1 pays B-1 one cent, then B-1 pays it back: balances end where they started
        IntFunction<String> id = i -> new UUID(0, i).toString();
        IntFunction<String> payer = i -> i % 2 == 1 ? "A-1" : "B-1";
        Iterator<Transfer> records = IntStream.rangeClosed(1, transfers)
                .mapToObj(i -> new Transfer(id.apply(i), payer.apply(i), payer.apply(i + 1), "0.01", "EUR", "COMPLETED")).iterator();
        Iterator<Audit> audit = IntStream.rangeClosed(1, transfers).mapToObj(i -> new Audit(id.apply(i), "COMPLETED")).iterator();
        Function<String, Iterator<Entry>> legsOf = account -> IntStream.rangeClosed(0, transfers).mapToObj(i -> i == 0
                ? entry(account.substring(0, 1), "open:" + account, OPENING, account, "1000.00")
                : entry(account.substring(0, 1), id.apply(i) + account, id.apply(i), account, payer.apply(i).equals(account) ? "-0.01" : "0.01"))
                .iterator();

        Verification verification = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            invariants.checkTransfers(records, audit, List.of(legsOf.apply("A-1"), legsOf.apply("B-1")));
            invariants.checkQueued(Set.of());
            return invariants.result();
        });

        assertThat(verification.findings()).isEmpty();
        assertThat(verification.checked().transfers()).isEqualTo(transfers);
        assertThat(verification.checked().entries()).isEqualTo(2L * transfers + 2);
    }

    private static Account account(String ledger, String id, String balance) {
        return new Account(ledger, id, "EUR", new BigDecimal(balance));
    }

    private static Entry entry(String ledger, String id, String transferId, String account, String amount) {
        return new Entry(ledger, id, transferId, account, new BigDecimal(amount));
    }
}
