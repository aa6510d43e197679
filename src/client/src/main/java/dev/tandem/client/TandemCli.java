package dev.tandem.client;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.UnknownTransferException;
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
        subcommands = {TransferCommand.class, SubmitCommand.class, ShowCommand.class, AccountsCommand.class, TotalsCommand.class,
                DlqCommand.class, VerifyCommand.class, CountersCommand.class, LoadCommand.class})
public class TandemCli {

    static final int FAILED = 1;
    static final int REJECTED = 3;

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

    private static String explain(Exception failure) {
        if (failure instanceof InvalidTransferException) {
            return "invalid request: " + failure.getMessage();
        }
        if (failure instanceof TransferConflictException || failure instanceof UnknownTransferException
                || failure instanceof UnknownAccountException) {
            return failure.getMessage();
        }
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // by name: the EJB API is on the class path only with a server's client library (--via ejb)
            if (cause.getClass().getName().equals("jakarta.ejb.EJBAccessException")) {
                return "refused: the user's roles do not allow this (" + cause.getMessage() + ")";
            }
            root = cause;
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + root + ")";
    }
}
