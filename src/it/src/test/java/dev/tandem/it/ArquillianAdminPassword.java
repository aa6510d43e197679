package dev.tandem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        Path secret = Path.of(var, "secrets", "admin-password");
        try {
            if (Files.exists(secret)) {
                System.setProperty("tandem.admin.password", Files.readString(secret).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
