package dev.tandem.client.chaos;

import dev.tandem.api.HeuristicOutcomeException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferService;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.TransferUnavailableException;
import dev.tandem.client.chaos.History.Told;
import java.net.ConnectException;

/** What a caller's answer tells it, the same for every entry point. */
final class Answers {

    private Answers() {
    }

    /** One synchronous transfer and what its caller is told; after a failure it pauses a moment, as a polite client would. */
    static Told transfer(TransferService service, TransferRequest request) throws InterruptedException {
        try {
            return of(service.transfer(request));
        } catch (Exception e) {
            Thread.sleep(200);
            return of(e);
        }
    }

    static Told of(TransferDetails outcome) {
        return outcome.status() == TransferStatus.COMPLETED ? Told.COMPLETED
                : outcome.status() == TransferStatus.REJECTED ? Told.REJECTED : Told.ACCEPTED;
    }

    /**
     * Only a typed "unavailable", or a connection refused before the request was sent, says nothing happened;
     * a broken call, an error page or outcome-unknown say nothing.
     */
    static Told of(Exception failure) {
        if (failure instanceof TransferUnavailableException || failure.getCause() instanceof ConnectException) {
            return Told.UNAVAILABLE;
        }
        if (failure instanceof HeuristicOutcomeException) {
            return Told.HEURISTIC;
        }
        return Told.UNKNOWN;
    }
}
