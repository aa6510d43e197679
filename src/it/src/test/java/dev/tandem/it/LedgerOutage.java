package dev.tandem.it;

/**
 * Makes ledger B unreachable for as long as it is open: its connection pool is pointed at a database
 * address where nothing listens, so every transaction that touches ledger B fails to connect, as in a
 * real outage. Closing it points the pool back.
 */
final class LedgerOutage implements AutoCloseable {

    private static final String URL_PROPERTY = "resources.jdbc-connection-pool.tandem-ledger-b.property." + (Tandem.REAL_LEDGERS ? "url" : "URL");
    private static final String UNREACHABLE = Tandem.REAL_LEDGERS ? "jdbc:mariadb://127.0.0.1:9/unreachable" : "jdbc:h2:tcp://127.0.0.1:9/unreachable";

    private final String url;

    private LedgerOutage(String url) {
        this.url = url;
        Tandem.asadmin("set", URL_PROPERTY + "=" + UNREACHABLE);
    }

    static LedgerOutage ofLedgerB() {
        String output = Tandem.asadmin("get", URL_PROPERTY);
        String url = output.lines().filter(line -> line.startsWith(URL_PROPERTY + "=")).findFirst()
                .map(line -> line.substring(URL_PROPERTY.length() + 1))
                .orElseThrow(() -> new IllegalStateException("no URL in: " + output));
        if (url.equals(UNREACHABLE)) {
            throw new IllegalStateException("ledger B is already cut off; a previous run did not restore " + URL_PROPERTY);
        }
        return new LedgerOutage(url);
    }

    @Override
    public void close() {
        Tandem.asadmin("set", URL_PROPERTY + "=" + url);
    }
}
