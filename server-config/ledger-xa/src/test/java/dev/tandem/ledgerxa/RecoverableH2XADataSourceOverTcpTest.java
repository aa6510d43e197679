package dev.tandem.ledgerxa;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The same, with the ledger served by {@link H2LedgerServer} as the embedded profile runs it: every branch
 * completed, kept or refused alike when the XA commands travel over H2's TCP protocol.
 */
class RecoverableH2XADataSourceOverTcpTest extends RecoverableH2XADataSourceTest {

    private H2LedgerServer server;

    @Override
    String ledgerUrl(Path directory) throws SQLException {
        server = H2LedgerServer.start(0, directory, PASSWORD, List.of("ledger"));
        return "jdbc:h2:tcp://127.0.0.1:" + server.port() + "/ledger";
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }
}
