package dev.tandem.verification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tandem.verification.control.LedgerSnapshot.Account;
import dev.tandem.verification.control.LedgerSnapshot.Audit;
import dev.tandem.verification.control.LedgerSnapshot.DeadLetter;
import dev.tandem.verification.control.LedgerSnapshot.Entry;
import dev.tandem.verification.control.LedgerSnapshot.Transfer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each test corrupts a copy of a consistent snapshot in one way, and the finding must name what broke. */
class InvariantsTest {

    private static final String OPENING = Invariants.OPENING;
    private static final String PAID = "11111111-1111-1111-1111-111111111111";
    private static final String REFUSED = "22222222-2222-2222-2222-222222222222";
    private static final String QUEUED = "33333333-3333-3333-3333-333333333333";

    /** A-1 paid B-1 10.00; a second transfer was rejected; a third waits on the queue. */
    private static LedgerSnapshot consistent() {
        return new LedgerSnapshot(
                List.of(account("A", "A-1", "990.00"), account("B", "B-1", "1010.00")),
                List.of(entry("A", "open:A-1", OPENING, "A-1", "1000.00"),
                        entry("B", "open:B-1", OPENING, "B-1", "1000.00"),
                        entry("A", PAID + ":D", PAID, "A-1", "-10.00"),
                        entry("B", PAID + ":C", PAID, "B-1", "10.00")),
                List.of(new Transfer(PAID, "A-1", "B-1", "10.00", "EUR", "COMPLETED"),
                        new Transfer(REFUSED, "A-1", "B-1", "5000", "EUR", "REJECTED"),
                        new Transfer(QUEUED, "B-1", "A-1", "1.00", "EUR", "PENDING")),
                List.of(new Audit(PAID, "COMPLETED"), new Audit(REFUSED, "REJECTED"), new Audit(QUEUED, "PENDING")),
                Map.of("A", List.of(), "B", List.of()),
                Set.of(QUEUED),
                List.of());
    }

    @Test
    void aConsistentSnapshotHasNoFindings() {
        assertThat(Invariants.check(consistent())).isEmpty();
    }

    @Test
    void aMissingLegIsNamedWithItsTransfer() {
        var findings = Invariants.check(corrupted(copy -> copy.entries.removeIf(entry -> entry.id().equals(PAID + ":C"))));

        assertThat(findings).anySatisfy(finding -> assertThat(finding)
                .contains("transfer " + PAID, "credit of B-1 in ledger B is missing"));
        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("account B-1 holds 1010.00"));
    }

    @Test
    void aDuplicatedLegIsNamedWithItsTransfer() {
        var findings = Invariants.check(corrupted(copy -> copy.entries.add(entry("A", PAID + ":D2", PAID, "A-1", "-10.00"))));

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("transfer " + PAID + " has 2 debit legs"));
    }

    @Test
    void aDuplicatedRecordIsNamed() {
        var findings = Invariants.check(corrupted(copy -> copy.transfers.add(new Transfer(PAID, "A-1", "B-1", "10.00", "EUR", "REJECTED"))));

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("transfer " + PAID + " is recorded more than once"));
    }

    @Test
    void legsOfATransferThatDidNotCompleteAreNamed() {
        var findings = Invariants.check(corrupted(copy -> copy.entries.add(entry("A", REFUSED + ":D", REFUSED, "A-1", "-1.00"))));

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("transfer " + REFUSED + " is REJECTED but has legs"));
    }

    @Test
    void moneyThatAppearedFromNowhereBreaksConservation() {
        var findings = Invariants.check(corrupted(copy -> {
            copy.accounts.set(1, account("B", "B-1", "1110.00"));
            copy.entries.add(entry("B", "stray", "44444444-4444-4444-4444-444444444444", "B-1", "100.00"));
        }));

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("money is not conserved in EUR"));
        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("transfer 44444444-4444-4444-4444-444444444444", "no record"));
    }

    @Test
    void aPendingTransferWhoseRequestIsGoneIsNamed() {
        var findings = Invariants.check(corrupted(copy -> copy.queued.clear()));

        assertThat(findings).containsExactly("transfer " + QUEUED + " is PENDING but its request is on no queue");
    }

    @Test
    void preparedTransactionsLeftBehindAreNamedWithTheirLedger() {
        var findings = Invariants.check(corrupted(copy -> copy.prepared.put("B", List.of("1-abc-def"))));

        assertThat(findings).containsExactly("ledger B has 1 prepared transaction(s) that nobody completed: [1-abc-def]");
    }

    @Test
    void aDeadLetterIsExplainedOnlyOnceItsTransferIsSettled() {
        var unexplained = Invariants.check(corrupted(copy -> copy.deadLetters.add(new DeadLetter("ID:1", QUEUED))));
        var explained = Invariants.check(corrupted(copy -> copy.deadLetters.add(new DeadLetter("ID:2", PAID))));

        assertThat(unexplained).anySatisfy(finding -> assertThat(finding)
                .contains("transfer " + QUEUED, "dead-letter queue and has not been replayed"));
        assertThat(explained).isEmpty();
    }

    @Test
    void aSettledTransferWithoutItsAuditRowIsNamed() {
        var findings = Invariants.check(corrupted(copy -> copy.audit.removeIf(audit -> audit.transferId().equals(REFUSED))));

        assertThat(findings).containsExactly("transfer " + REFUSED + " is REJECTED but the audit trail does not say so");
    }

    @Test
    void twoHundredThousandTransfersAreCheckedInSeconds() {
        int transfers = 200_000;
        var entries = new ArrayList<Entry>(List.of(entry("A", "open:A-1", OPENING, "A-1", "1000000.00"),
                entry("B", "open:B-1", OPENING, "B-1", "1000000.00")));
        var records = new ArrayList<Transfer>();
        var audit = new ArrayList<Audit>();
        for (int i = 0; i < transfers; i++) {
            String id = new UUID(0, i + 1).toString();
            entries.add(entry("A", id + ":D", id, "A-1", "-0.01"));
            entries.add(entry("B", id + ":C", id, "B-1", "0.01"));
            records.add(new Transfer(id, "A-1", "B-1", "0.01", "EUR", "COMPLETED"));
            audit.add(new Audit(id, "COMPLETED"));
        }
        var snapshot = new LedgerSnapshot(List.of(account("A", "A-1", "998000.00"), account("B", "B-1", "1002000.00")),
                entries, records, audit, Map.of("A", List.of(), "B", List.of()), Set.of(), List.of());

        List<String> findings = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Invariants.check(snapshot), "matching every record against every audit row takes hours at this size");

        assertThat(findings).isEmpty();
    }

    /** A mutable copy of the consistent snapshot. */
    private static final class Copy {
        final List<Account> accounts = new ArrayList<>(consistent().accounts());
        final List<Entry> entries = new ArrayList<>(consistent().entries());
        final List<Transfer> transfers = new ArrayList<>(consistent().transfers());
        final List<Audit> audit = new ArrayList<>(consistent().audit());
        final Map<String, List<String>> prepared = new HashMap<>(consistent().preparedTransactions());
        final Set<String> queued = new HashSet<>(consistent().queuedTransfers());
        final List<DeadLetter> deadLetters = new ArrayList<>(consistent().deadLetters());
    }

    private static LedgerSnapshot corrupted(Consumer<Copy> corruption) {
        var copy = new Copy();
        corruption.accept(copy);
        return new LedgerSnapshot(copy.accounts, copy.entries, copy.transfers, copy.audit, copy.prepared, copy.queued, copy.deadLetters);
    }

    private static Account account(String ledger, String id, String balance) {
        return new Account(ledger, id, "EUR", new BigDecimal(balance));
    }

    private static Entry entry(String ledger, String id, String transferId, String account, String amount) {
        return new Entry(ledger, id, transferId, account, new BigDecimal(amount));
    }
}
