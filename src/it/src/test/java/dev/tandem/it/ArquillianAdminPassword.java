package dev.tandem.it;

import dev.tandem.client.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives Arquillian the Payara domain's administrator password ({@code arquillian.xml} reads it as
 * {@code tandem.admin.password}) from the file ./tandem start wrote, before any test runs: it is
 * generated with the instance, so no build file can name it.
 */
public class ArquillianAdminPassword implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String var = System.getProperty("tandem.var");
        if (var == null) {
            return;
        }
        Path secrets = Path.of(var, "secrets");
        if (Files.exists(secrets.resolve("admin-password"))) {
            System.setProperty("tandem.admin.password", Credentials.fromSecrets(secrets, "admin").password());
        }
    }
}
