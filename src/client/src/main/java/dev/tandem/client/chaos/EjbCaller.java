package dev.tandem.client.chaos;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferService;
import dev.tandem.client.Credentials;
import dev.tandem.client.RemoteTransferService;
import dev.tandem.client.chaos.History.Told;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chaos run's remote EJB client, in a JVM of its own (the servers' EJB client libraries do not share a
 * class path with the Artemis client): makes transfers one after the other until its time is up and prints
 * one line per attempt, {@code id from to amount currency started answered told}. It looks the bean up again
 * after a call that broke.
 */
public final class EjbCaller {

    private EjbCaller() {
    }

    /** Arguments: the EJB URL, the end (epoch millis), the seed. */
    public static void main(String[] args) throws InterruptedException {
        Logger.getLogger("").setLevel(Level.OFF);
        URI address = URI.create(args[0]);
        long deadline = Long.parseLong(args[1]);
        var transfers = new RandomTransfers(Long.parseLong(args[2]));
        Credentials caller = Credentials.fromEnvironment("teller");
        TransferService service = null;
        while (System.currentTimeMillis() < deadline) {
            if (service == null) {
                try {
                    service = RemoteTransferService.connect(address, caller);
                } catch (RuntimeException notYet) {
                    Thread.sleep(1_000);
                    continue;
                }
            }
            TransferRequest request = transfers.next();
            long started = System.currentTimeMillis();
            Told told = Answers.transfer(service, request);
            if (told == Told.UNKNOWN) {
                service = null;
            }
            System.out.printf("%s %s %s %s %s %d %d %s%n", request.id(), request.from(), request.to(), request.amount(),
                    request.currency(), started, System.currentTimeMillis(), told);
            System.out.flush();
        }
    }
}
