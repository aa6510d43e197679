package dev.tandem.bench;

import dev.tandem.client.Credentials;
import dev.tandem.client.jms.Broker;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The started Tandem a run measures and the servers around it, as {@code ./tandem bench} describes them
 * in the environment (passwords never on a command line).
 */
record Target(String runtime, String ledgers, String versions, URI api, Broker broker, URI ejb, Credentials teller, Credentials operator,
              String ejbClasspath, List<String> ejbJvmOptions, Path serverPidFile, Path brokerPidFile, Path brokerXml,
              Path workersDirectory, Path transactionLog, Path benchTransactionLog, Floor.Servers floor) {

    static Target fromEnvironment() {
        String brokerUrl = required("TANDEM_BROKER_URL");
        String brokerUser = required("TANDEM_BROKER_USER");
        String brokerPassword = required("TANDEM_BROKER_PASSWORD");
        Path secrets = Path.of(required("TANDEM_SECRETS"));
        return new Target(required("TANDEM_RUNTIME"), required("TANDEM_DB"), System.getenv().getOrDefault("TANDEM_VERSIONS", ""),
                URI.create(required("TANDEM_URL") + "/"), new Broker(brokerUrl, brokerUser, brokerPassword),
                URI.create(required("TANDEM_EJB_URL")), Credentials.fromSecrets(secrets, "teller"), Credentials.fromSecrets(secrets, "operator"),
                required("TANDEM_EJB_CLASSPATH"), Arrays.stream(System.getenv().getOrDefault("TANDEM_EJB_JVM_OPTIONS", "").split(" "))
                        .filter(option -> !option.isBlank()).toList(),
                Path.of(required("TANDEM_SERVER_PID_FILE")), Path.of(required("TANDEM_BROKER_PID_FILE")), Path.of(required("TANDEM_BROKER_XML")),
                Path.of(required("TANDEM_WORKERS_DIR")),
                Path.of(required("TANDEM_TRANSACTION_LOG")), Path.of(required("TANDEM_BENCH_TRANSACTION_LOG")),
                new Floor.Servers(required("TANDEM_BENCH_PG_URL"), required("TANDEM_BENCH_PG_USER"), required("TANDEM_BENCH_MARIADB_URL"),
                        required("TANDEM_BENCH_MARIADB_USER"), System.getenv().getOrDefault("TANDEM_BENCH_MARIADB_PASSWORD", ""),
                        brokerUrl, brokerUser, brokerPassword));
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the bench through ./tandem bench");
        }
        return value;
    }
}
