package dev.tandem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @Test
    void basicAuthorizationIsTheBase64OfUserColonPassword() {
        // RFC 7617's example
        assertThat(new Credentials("Aladdin", "open sesame").basicAuthorization()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void aPasswordIsReadFromTheUsersSecretsFileAndNeverShown(@TempDir Path secrets) throws Exception {
        Files.writeString(secrets.resolve("teller-password"), "s3cr3tPassw0rd\n");

        Credentials teller = Credentials.fromSecrets(secrets, "teller");

        assertThat(teller.password()).isEqualTo("s3cr3tPassw0rd");
        assertThat(teller.toString()).contains("teller").doesNotContain("s3cr3t");
    }

    @Test
    void aMissingSecretsFileSaysWhichUserAndWhereToSetAnother(@TempDir Path secrets) {
        assertThatThrownBy(() -> Credentials.fromSecrets(secrets, "operator"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("operator")
                .hasMessageContaining("TANDEM_USER");
    }
}
