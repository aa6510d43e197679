package dev.tandem.ledgerxa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded ledgers' database process: what it creates, whom it serves, and what outlives its stop. */
class H2LedgerServerTest {

    private static final String PASSWORD = "secret";

    @TempDir
    Path directory;

    private H2LedgerServer server;

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void createsTheMissingLedgersForItsUserAndServesThemOverTcp() throws SQLException {
        server = H2LedgerServer.start(0, directory, PASSWORD, List.of("ledger-a", "ledger-b"));

        assertThat(directory.resolve("ledger-a.mv.db")).exists();
        assertThat(directory.resolve("ledger-b.mv.db")).exists();
        try (Connection connection = connect("ledger-b", PASSWORD)) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThatThrownBy(() -> connect("ledger-a", "wrong")).isInstanceOf(SQLException.class);
    }

    @Test
    void aClientCannotCreateADatabase() throws SQLException {
        server = H2LedgerServer.start(0, directory, PASSWORD, List.of("ledger-a"));

        assertThatThrownBy(() -> connect("ledger-c", PASSWORD)).isInstanceOf(SQLException.class).hasMessageContaining("not found");
        assertThat(directory.resolve("ledger-c.mv.db")).doesNotExist();
    }

    @Test
    void aBranchPreparedWhenTheServerStopsIsInDoubtAfterItsNextStart() throws Exception {
        server = H2LedgerServer.start(0, directory, PASSWORD, List.of("ledger-a"));
        int port = server.port();
        try (Connection connection = connect("ledger-a", PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entry (id INT PRIMARY KEY)");
        }
        RecoverableH2XADataSource dataSource = new RecoverableH2XADataSource();
        dataSource.setURL(url(port, "ledger-a"));
        XAConnection preparing = dataSource.getXAConnection(H2LedgerServer.USER, PASSWORD);
        XAResource resource = preparing.getXAResource();
        Connection handle = preparing.getConnection();
        resource.start(XID, XAResource.TMNOFLAGS);
        try (Statement statement = handle.createStatement()) {
            statement.executeUpdate("INSERT INTO entry VALUES (1)");
        }
        resource.end(XID, XAResource.TMSUCCESS);
        resource.prepare(XID);

        server.stop();
        server = H2LedgerServer.start(port, directory, PASSWORD, List.of("ledger-a"));

        XAResource recovering = dataSource.getXAConnection(H2LedgerServer.USER, PASSWORD).getXAResource();
        Xid[] inDoubt = recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        assertThat(inDoubt).hasSize(1);
        recovering.commit(inDoubt[0], false);
        try (Connection connection = connect("ledger-a", PASSWORD); var rows = connection.createStatement()
                .executeQuery("SELECT COUNT(*) FROM entry")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    private Connection connect(String database, String password) throws SQLException {
        return DriverManager.getConnection(url(server.port(), database), H2LedgerServer.USER, password);
    }

    private static String url(int port, String database) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + database;
    }

    private static final Xid XID = new Xid() {
        @Override
        public int getFormatId() {
            return 1;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return new byte[] {1};
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {2};
        }
    };
}
