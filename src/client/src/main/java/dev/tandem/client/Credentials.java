package dev.tandem.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

/**
 * A Tandem user's name and password, for HTTP Basic and the remote EJB login. The password comes from
 * the environment or from the secrets file {@code ./tandem start} generated for the user
 * ({@code var/secrets/<user>-password}), never from the command line.
 */
public record Credentials(String user, String password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * {@code $TANDEM_USER} with {@code $TANDEM_PASSWORD} if set; otherwise {@code defaultUser}, the
     * user a command acts as, with the password in {@code $TANDEM_SECRETS} (default {@code var/secrets}).
     */
    public static Credentials fromEnvironment(String defaultUser) {
        String user = System.getenv("TANDEM_USER");
        if (user != null && !user.isBlank()) {
            String password = System.getenv("TANDEM_PASSWORD");
            if (password == null) {
                throw new IllegalStateException("TANDEM_USER is set to " + user + " but TANDEM_PASSWORD is not");
            }
            return new Credentials(user, password);
        }
        return fromSecrets(Path.of(System.getenv().getOrDefault("TANDEM_SECRETS", "var/secrets")), defaultUser);
    }

    /** The user whose password is in {@code <secrets>/<user>-password}. */
    public static Credentials fromSecrets(Path secrets, String user) {
        Path file = secrets.resolve(user + "-password");
        try {
            return new Credentials(user, Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password of " + user + " (" + file
                    + "; or set TANDEM_USER and TANDEM_PASSWORD)", e);
        }
    }

    /** The value of an {@code Authorization} header. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
