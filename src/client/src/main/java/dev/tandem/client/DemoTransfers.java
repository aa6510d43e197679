package dev.tandem.client;

import dev.tandem.api.TransferRequest;
import java.math.BigDecimal;
import java.util.Random;
import java.util.UUID;

/** Random transfers between the demo accounts' EUR ones (every tenth is USD), alternately from ledger A and from B. */
final class DemoTransfers {

    private final Random random = new Random();
    private int next;

    synchronized TransferRequest next() {
        boolean fromLedgerA = next++ % 2 == 0;
        String a = "A-%04d".formatted(eurAccount());
        String b = "B-%04d".formatted(eurAccount());
        var amount = BigDecimal.valueOf(1 + random.nextInt(1000), 2);
        return new TransferRequest(UUID.randomUUID(), fromLedgerA ? a : b, fromLedgerA ? b : a, amount, "EUR");
    }

    private int eurAccount() {
        int number = 1 + random.nextInt(50);
        return number % 10 == 0 ? number - 1 : number;
    }
}
