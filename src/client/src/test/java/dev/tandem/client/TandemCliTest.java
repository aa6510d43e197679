package dev.tandem.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.InvalidTransferException;
import javax.naming.NamingException;
import javax.security.sasl.SaslException;
import org.junit.jupiter.api.Test;

class TandemCliTest {

    @Test
    void aLoginTheServerRefusedIsSaidSoWhereverItIsInTheCauses() {
        var naming = new NamingException("lookup failed");
        naming.setRootCause(new SaslException("Authentication failed"));
        var lookup = new IllegalStateException("cannot look up java:global/...", naming);

        assertThat(TandemCli.explain(lookup)).isEqualTo("refused: the server did not accept the login (wrong password or unknown user)");
    }

    @Test
    void aLoginRefusalKeptAsASuppressedExceptionIsFoundToo() {
        var noDestination = new IllegalStateException("EJBCLIENT000409: No more destinations are available");
        noDestination.addSuppressed(new IllegalStateException("connect", new SaslException("Authentication failed")));

        assertThat(TandemCli.explain(noDestination)).startsWith("refused: the server did not accept the login");
    }

    @Test
    void anyOtherFailureNamesItselfAndItsRootCause() {
        var failure = new IllegalStateException("cannot reach Tandem", new java.net.ConnectException("Connection refused"));

        assertThat(TandemCli.explain(failure)).isEqualTo("cannot reach Tandem (java.net.ConnectException: Connection refused)");
        assertThat(TandemCli.explain(new InvalidTransferException("amount must be positive")))
                .isEqualTo("invalid request: amount must be positive");
    }
}
