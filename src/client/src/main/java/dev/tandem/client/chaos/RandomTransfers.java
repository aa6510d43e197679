package dev.tandem.client.chaos;

import dev.tandem.api.TransferRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Random transfers between the demo accounts of both ledgers, EUR to EUR and USD to USD (every tenth
 * account is USD), of 0.01 to 200.00: large enough that accounts run dry now and then and transfers are
 * rejected.
 */
final class RandomTransfers {

    private static final List<String> ACCOUNTS = Stream.of("A", "B")
            .flatMap(ledger -> IntStream.rangeClosed(1, 50).mapToObj(number -> "%s-%04d".formatted(ledger, number))).toList();

    private final Random random;

    RandomTransfers(long seed) {
        this.random = new Random(seed);
    }

    synchronized TransferRequest next() {
        String from = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        String to = from;
        while (to.equals(from) || !currency(to).equals(currency(from))) {
            to = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        }
        return new TransferRequest(UUID.randomUUID(), from, to, BigDecimal.valueOf(1 + random.nextInt(20_000), 2), currency(from));
    }

    static String currency(String account) {
        return Integer.parseInt(account.substring(2)) % 10 == 0 ? "USD" : "EUR";
    }
}
