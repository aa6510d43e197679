package dev.tandem.bench;

/** One transfer through one entry point, from the calling thread's point of view: it returns once the transfer has its outcome. */
public interface TransferCall extends AutoCloseable {

    enum Outcome {
        COMPLETED, REJECTED
    }

    /**
     * @param accepted for an asynchronous entry point, set to {@link System#nanoTime()} when the request was accepted
     * @throws Exception any failure: counted by its kind ({@link Measurement#kindOf})
     */
    Outcome transfer(String from, String to, long[] accepted) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
