package dev.tandem.faults.control;

import dev.tandem.resources.ServerTransactionManager;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Arms transfers with a {@link FaultPoint}: with the server's system property {@value #DIRECTORY_PROPERTY}
 * set, a file named after a transfer id in that directory, holding the name of a fault point, makes
 * that transfer enlist a {@link StopDeadResource} at the point's stage. Without the property it does
 * nothing at all.
 */
@ApplicationScoped
public class FaultSwitch {

    public static final String DIRECTORY_PROPERTY = "tandem.faults.dir";

    private static final Logger LOG = Logger.getLogger(FaultSwitch.class.getName());

    /** Called by the engine at each stage of a transfer; enlists the faulty resource if this transfer is armed for it. */
    public void at(FaultPoint.Stage stage, UUID transferId) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null) {
            return;
        }
        Path armed = Path.of(directory, transferId.toString());
        if (!Files.exists(armed)) {
            return;
        }
        try {
            FaultPoint point = FaultPoint.valueOf(Files.readString(armed).strip());
            if (point.stage() == stage) {
                LOG.warning(() -> "Fault switch: transfer " + transferId + " armed with " + point);
                ServerTransactionManager.lookup().getTransaction().enlistResource(new StopDeadResource(point, armed, armed.resolveSibling(transferId + ".reached")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot arm transfer " + transferId + " with a fault", e);
        }
    }
}
