package dev.tandem.ledger.control;

import dev.tandem.ledger.entity.Account;
import dev.tandem.ledger.entity.LedgerId;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The accounts an empty ledger starts with, so that a newcomer has money to move:
 * {@value #PER_LEDGER} per ledger ({@code A-0001} to {@code A-0050}, {@code B-0001} to
 * {@code B-0050}), each holding {@code 1000.00}. Every tenth account is kept in USD, the others in
 * EUR, so that currency mismatches can be tried too.
 */
public final class DemoAccounts {

    public static final int PER_LEDGER = 50;
    public static final BigDecimal OPENING_BALANCE = new BigDecimal("1000.00");

    private static final String[] GIVEN_NAMES = {
        "Ada", "Alan", "Barbara", "Claude", "Donald", "Edsger", "Frances", "Grace", "John", "Radia"
    };
    private static final String[] FAMILY_NAMES = {"Lovelace", "Turing", "Liskov", "Shannon", "Knuth"};

    private DemoAccounts() {
    }

    public static List<Account> of(LedgerId ledger) {
        return IntStream.rangeClosed(1, PER_LEDGER)
                .mapToObj(number -> new Account(
                        "%s-%04d".formatted(ledger, number),
                        owner(ledger, number),
                        number % 10 == 0 ? "USD" : "EUR",
                        OPENING_BALANCE))
                .toList();
    }

    private static String owner(LedgerId ledger, int number) {
        int index = (number - 1 + ledger.ordinal() * 7) % (GIVEN_NAMES.length * FAMILY_NAMES.length);
        return GIVEN_NAMES[index % GIVEN_NAMES.length] + " " + FAMILY_NAMES[index / GIVEN_NAMES.length];
    }
}
