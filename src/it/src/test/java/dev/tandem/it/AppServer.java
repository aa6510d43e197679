package dev.tandem.it;

import dev.tandem.it.Processes.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The application server under test, Payara Server or WildFly ({@code -Dtandem.runtime}), and the
 * few things a test does to it through its own administration tools: system properties, a restart,
 * where its PID and log are.
 */
enum AppServer {

    PAYARA {
        @Override
        Path pidFile() {
            return Tandem.VAR.resolve("payara/tandem/config/pid");
        }

        @Override
        Path log() {
            return Tandem.VAR.resolve("payara/tandem/logs/server.log");
        }

        @Override
        void setProperty(String name, String value) {
            asadmin("create-system-properties", name + "=" + value.replace(":", "\\:"));
        }

        @Override
        void removeProperty(String name) {
            asadmin("delete-system-property", name);
        }

        @Override
        void restart() {
            Run restart = Processes.run(List.of(Tandem.VAR.resolve("runtime/payara6/bin/asadmin").toString(), "--interactive=false",
                    "restart-domain", "--domaindir", Tandem.VAR.resolve("payara").toString(), "tandem"), ASADMIN_ENVIRONMENT, Duration.ofMinutes(3));
            if (restart.exitCode() != 0) {
                throw new AssertionError("restart-domain failed: " + restart.output());
            }
        }

        @Override
        void flushConnectionPool(String pool) {
            asadmin("flush-connection-pool", pool);
        }
    },

    WILDFLY {
        @Override
        Path pidFile() {
            return Tandem.VAR.resolve("wildfly/wildfly.pid");
        }

        @Override
        Path log() {
            return Tandem.VAR.resolve("wildfly/log/server.log");
        }

        @Override
        void setProperty(String name, String value) {
            jbossCli("/system-property=" + name + ":add(value=\"" + value + "\")");
        }

        @Override
        void removeProperty(String name) {
            jbossCli("/system-property=" + name + ":remove");
        }

        /**
         * A restart of the JVM, as with Payara's restart-domain: standalone.sh starts a new one (same PID file), and
         * this returns once it has booted, deployments included, so that a test that fails during a restart does not
         * leave the next one a server still booting.
         */
        @Override
        void restart() throws InterruptedException {
            String before = pid();
            jbossCli(":shutdown(restart=true)");
            Polling.until(Duration.ofMinutes(2), this::pid, pid -> !pid.isEmpty() && !pid.equals(before));
            Polling.until(Duration.ofMinutes(3), AppServer::wildFlyState, "\"running\""::equals);
        }

        private String pid() {
            try {
                return Files.exists(pidFile()) ? Files.readString(pidFile()).strip() : "";
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        void flushConnectionPool(String pool) {
            jbossCli("/subsystem=datasources/xa-data-source=" + pool + ":flush-all-connection-in-pool");
        }

    };

    static AppServer underTest() {
        return valueOf(System.getProperty("tandem.runtime", "payara").toUpperCase(Locale.ROOT));
    }

    /** The server's JVM writes its PID here; {@code kill -9} of it is a crash. */
    abstract Path pidFile();

    abstract Path log();

    /**
     * The server log and the files it rotated into (a rotation, or ServerLogIT's switch of format, starts a new
     * one), as one text read as ISO-8859-1, which takes any byte.
     */
    String logs() {
        try (var files = Files.list(log().getParent())) {
            var logs = new StringBuilder();
            for (var file : files.filter(path -> path.getFileName().toString().startsWith("server.log")).toList()) {
                logs.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return logs.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a system property of the running server (Tandem reads its settings at each use). */
    abstract void setProperty(String name, String value);

    abstract void removeProperty(String name);

    /** Stops the server's JVM normally and starts it again; returns once the new one runs. */
    abstract void restart() throws InterruptedException;

    /**
     * Closes every connection of a JDBC pool, those in use included, as an operator does after a database
     * restart (Payara: {@code flush-connection-pool}; WildFly: {@code flush-all-connection-in-pool}).
     */
    abstract void flushConnectionPool(String pool);

    /** Runs an asadmin command against the Payara domain under test and insists that it succeeded. */
    static String asadmin(String... arguments) {
        var command = new ArrayList<String>(List.of(Tandem.VAR.resolve("runtime/payara6/bin/asadmin").toString(),
                "--interactive=false", "--port", String.valueOf(Tandem.ADMIN_PORT)));
        command.addAll(List.of(arguments));
        return succeeded("asadmin", Processes.run(command, ASADMIN_ENVIRONMENT, Duration.ofMinutes(2))).output();
    }

    /** asadmin signs in as the domain's administrator, its password read from the file ./tandem start wrote. */
    private static final Map<String, String> ASADMIN_ENVIRONMENT = Map.of("TERM", "dumb", "AS_ADMIN_USER", Tandem.ADMIN.user(),
            "AS_ADMIN_PASSWORDFILE", Tandem.SECRETS.resolve("asadmin-passwordfile").toString());

    /** Runs jboss-cli commands against the WildFly server under test (local authentication) and insists that they succeeded. */
    static String jbossCli(String... commands) {
        Run run = succeeded("jboss-cli", Processes.run(jbossCliCommand(commands), Map.of(), Duration.ofMinutes(2)));
        if (run.output().contains("\"outcome\" => \"failed\"")) {
            throw new AssertionError("jboss-cli " + String.join(",", commands) + " failed: " + run.output());
        }
        return run.output();
    }

    /** WildFly's {@code server-state} as jboss-cli prints it ({@code "running"} once booted), or why it could not be read. */
    private static String wildFlyState() {
        Run run = Processes.run(jbossCliCommand(":read-attribute(name=server-state)"), Map.of(), Duration.ofSeconds(30));
        return run.output().lines().map(String::strip).filter(line -> line.startsWith("\"result\" => "))
                .map(line -> line.substring("\"result\" => ".length())).findFirst().orElse(run.output());
    }

    /** jboss-cli connected to the WildFly server under test (local authentication), to run {@code commands}. */
    private static List<String> jbossCliCommand(String... commands) {
        return List.of(Tandem.runtimeHome("wildfly-").resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + Tandem.ADMIN_PORT, "--commands=" + String.join(",", commands));
    }

    private static Run succeeded(String tool, Run run) {
        if (run.exitCode() != 0) {
            throw new AssertionError(tool + " failed: " + run.output());
        }
        return run;
    }
}
