package dev.tandem.client;

import dev.tandem.api.HeuristicOutcomeException;
import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.OutcomeUnknownException;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferUnavailableException;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.client.chaos.ChaosCommand;
import dev.tandem.client.tour.TourCommand;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./tandem} client commands. Exit status: 0 done, 1 failed (nothing was changed),
 * 2 bad usage, 3 the transfer was rejected.
 */
@Command(name = "tandem", mixinStandardHelpOptions = true,
        description = "Talks to a running Tandem over REST, remote EJB or JMS.",
        subcommands = {TransferCommand.class, SubmitCommand.class, ShowCommand.class, TransfersCommand.class, AccountsCommand.class,
                StatementCommand.class, TotalsCommand.class,
                DlqCommand.class, VerifyCommand.class, CountersCommand.class, LoadCommand.class, ChaosCommand.class,
                TourCommand.class})
public class TandemCli {

    static final int FAILED = 1;
    static final int REJECTED = 3;

    /**
     * How the servers turn a remote EJB caller away, by class name: the EJB and CORBA classes are on the
     * class path only with a server's client library (--via ejb).
     */
    private static final String LOGIN_REFUSED = "refused: the server did not accept the login (wrong password or unknown user)";
    private static final Map<String, String> REFUSALS = Map.of(
            "jakarta.ejb.EJBAccessException", "refused: the user's roles do not allow this",
            "org.omg.CORBA.NO_PERMISSION", LOGIN_REFUSED,
            "javax.security.sasl.SaslException", LOGIN_REFUSED);

    public static void main(String[] args) {
        // the GlassFish naming client logs its start-up at INFO; a command-line tool keeps quiet
        Logger.getLogger("").setLevel(Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new TandemCli()).setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            commandLine.getErr().println("tandem: " + explain(failure));
            return FAILED;
        });
    }

    static String explain(Exception failure) {
        if (failure instanceof InvalidTransferException) {
            return "invalid request: " + failure.getMessage();
        }
        if (failure instanceof TransferUnavailableException) {
            return "unavailable, nothing was changed: " + failure.getMessage();
        }
        if (failure instanceof OutcomeUnknownException) {
            return "outcome not known yet: " + failure.getMessage();
        }
        if (failure instanceof HeuristicOutcomeException) {
            return "heuristic outcome: " + failure.getMessage();
        }
        if (failure instanceof TransferConflictException || failure instanceof UnknownTransferException
                || failure instanceof UnknownAccountException) {
            return failure.getMessage();
        }
        String refusal = refusal(failure);
        if (refusal != null) {
            return refusal;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + root + ")";
    }

    /** A refusal among the causes of a failure, or those it suppressed (WildFly's EJB client keeps the login's there). */
    private static String refusal(Throwable failure) {
        if (failure == null) {
            return null;
        }
        String refusal = REFUSALS.get(failure.getClass().getName());
        for (Throwable suppressed : failure.getSuppressed()) {
            refusal = refusal != null ? refusal : refusal(suppressed);
        }
        return refusal != null || failure.getCause() == failure ? refusal : refusal(failure.getCause());
    }

}
