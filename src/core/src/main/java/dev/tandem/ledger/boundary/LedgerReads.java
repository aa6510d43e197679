package dev.tandem.ledger.boundary;

import static dev.tandem.api.Roles.OPERATOR;
import static dev.tandem.api.Roles.TELLER;
import static dev.tandem.api.Roles.VIEWER;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.EntryDetails;
import dev.tandem.api.LedgerTotals;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.ledger.control.Ledgers;
import dev.tandem.ledger.entity.Account;
import dev.tandem.ledger.entity.LedgerEntry;
import dev.tandem.pages.Position;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** Reads of both ledgers for the REST resources, without a transaction: accounts, totals, statements. */
@Stateless
@RolesAllowed({TELLER, VIEWER, OPERATOR})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class LedgerReads {

    @Inject
    Ledgers ledgers;

    /** At most {@code limit} accounts with an id after {@code after} (from the first if null), in id order. */
    public List<AccountDetails> accounts(String after, int limit) {
        return ledgers.accounts(after, limit).stream().map(Account::details).toList();
    }

    public AccountDetails account(String id) throws UnknownAccountException {
        return find(id).details();
    }

    public LedgerTotals totals() {
        return ledgers.totals();
    }

    /** At most {@code limit} of the account's entries, newest first, from after {@code after} (from the newest if null). */
    public List<EntryDetails> entries(String accountId, Position after, int limit) throws UnknownAccountException {
        return ledgers.entries(find(accountId), after, limit).stream().map(LedgerEntry::details).toList();
    }

    private Account find(String id) throws UnknownAccountException {
        return ledgers.find(id).orElseThrow(() -> new UnknownAccountException(id));
    }
}
