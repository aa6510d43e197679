package dev.tandem.transfer.boundary;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.LedgerTotals;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferService;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.ledger.control.Ledgers;
import dev.tandem.ledger.entity.Account;
import dev.tandem.transfer.control.DuplicateTransferException;
import dev.tandem.transfer.control.TransferEngine;
import dev.tandem.transfer.control.TransferRegistry;
import dev.tandem.transfer.entity.TransferRecord;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The synchronous facade: remote view for Java clients over IIOP, local view for the REST
 * resources. Reads run without a transaction; each transfer runs in a transaction of its own,
 * started by the engine, whatever the caller brings.
 */
@Stateless
@Remote(TransferService.class)
@LocalBean
public class TransferServiceBean implements TransferService {

    @Inject
    TransferEngine engine;

    @Inject
    TransferRegistry registry;

    @Inject
    Ledgers ledgers;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TransferDetails transfer(TransferRequest request) throws InvalidTransferException, TransferConflictException {
        TransferRequest identified = identified(request);
        try {
            return engine.execute(identified, TransferMode.SYNC);
        } catch (DuplicateTransferException lostRace) {
            // the winner has committed its record by now: answer with it
            try {
                return engine.execute(identified, TransferMode.SYNC);
            } catch (DuplicateTransferException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TransferDetails findTransfer(UUID id) throws UnknownTransferException {
        return registry.find(id).map(TransferRecord::details).orElseThrow(() -> new UnknownTransferException(id));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AccountDetails> accounts() {
        // a plain ArrayList: it travels by value over IIOP
        return ledgers.accounts().stream().map(Account::details).collect(Collectors.toCollection(ArrayList::new));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountDetails findAccount(String id) throws UnknownAccountException {
        return ledgers.find(id).map(Account::details).orElseThrow(() -> new UnknownAccountException(id));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LedgerTotals totals() {
        return ledgers.totals();
    }

    /** Checks the request and gives it an id if the client did not. */
    private static TransferRequest identified(TransferRequest request) throws InvalidTransferException {
        if (request == null) {
            throw new InvalidTransferException("a transfer request is required");
        }
        request.requireWellFormed();
        return request.id() == null ? request.withId(UUID.randomUUID()) : request;
    }
}
