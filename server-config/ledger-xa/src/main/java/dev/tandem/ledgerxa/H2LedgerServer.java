package dev.tandem.ledgerxa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.h2.tools.Server;

/**
 * The embedded ledgers' database process: H2's TCP server on the loopback interface, serving the ledger
 * databases of one directory to the Tandem server and its workers, which all reach them through
 * {@code jdbc:h2:tcp://127.0.0.1:PORT/NAME}. A ledger opened inside one server's JVM could serve no other
 * process (H2 refuses its automatic mixed mode together with {@code DB_CLOSE_ON_EXIT=FALSE}), and a crash of
 * that JVM took the database down with it.
 *
 * <p>Databases missing from the directory are created here, owned by the ledgers' user: clients may not
 * create databases ({@code -ifNotExists} is not given). On SIGTERM the server closes its sessions, so that
 * each database is written out and closed; branches left prepared stay in doubt for their transaction
 * manager to complete.
 *
 * <pre>java -cp h2.jar:ledger-xa.jar dev.tandem.ledgerxa.H2LedgerServer PORT DIRECTORY PASSWORD_FILE NAME...</pre>
 */
public final class H2LedgerServer {

    static final String USER = "tandem";

    private final Server tcp;

    private H2LedgerServer(Server tcp) {
        this.tcp = tcp;
    }

    /** Creates the databases {@code names} in {@code directory} where missing, then serves them on {@code port}. */
    public static H2LedgerServer start(int port, Path directory, String password, List<String> names) throws SQLException {
        for (String name : names) {
            createIfMissing(directory, name, password);
        }
        Server tcp = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", directory.toString());
        return new H2LedgerServer(tcp.start());
    }

    private static void createIfMissing(Path directory, String name, String password) throws SQLException {
        if (!Files.exists(directory.resolve(name + ".mv.db"))) {
            DriverManager.getConnection("jdbc:h2:file:" + directory.toAbsolutePath().resolve(name), USER, password).close();
        }
    }

    public int port() {
        return tcp.getPort();
    }

    public void stop() {
        tcp.stop();
    }

    /** Serves until SIGTERM: H2's listener thread keeps the JVM running. */
    public static void main(String[] arguments) throws Exception {
        if (arguments.length < 4) {
            System.err.println("usage: H2LedgerServer PORT DIRECTORY PASSWORD_FILE NAME...");
            System.exit(2);
        }
        // H2's server socket binds to this address, the loopback unless told otherwise
        System.setProperty("h2.bindAddress", System.getProperty("h2.bindAddress", "127.0.0.1"));
        String password = Files.readString(Path.of(arguments[2])).strip();
        H2LedgerServer server = start(Integer.parseInt(arguments[0]), Path.of(arguments[1]), password,
                List.of(arguments).subList(3, arguments.length));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "h2-ledger-server-stop"));
        System.out.println("H2 ledger server on tcp://127.0.0.1:" + server.port() + ", databases in " + arguments[1]);
    }
}
