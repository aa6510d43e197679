package dev.tandem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A subscriber to a server-sent event stream, with the JDK's HTTP client only (so that it runs in the
 * test JVM and inside the server alike). Subscribed once {@link #open} returns.
 */
final class EventStream implements AutoCloseable {

    record Event(String id, String name, String data) {

        long sequence() {
            return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;

    private EventStream(Stream<String> lines) {
        this.lines = lines;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param lastEventId   where to resume, or {@code null} for only what comes from now on
     * @param authorization the {@code Authorization} header of a signed-in caller
     */
    static EventStream open(URI uri, String lastEventId, String authorization) {
        var request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").header("Authorization", authorization);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return new EventStream(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event, or {@code null} if none comes within {@code timeout}. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Every event until {@code done} holds for what came so far, then whatever else comes within
     * {@code quiet}; fails if {@code done} does not hold within {@code timeout}.
     */
    List<Event> collect(Predicate<List<Event>> done, Duration timeout, Duration quiet) throws InterruptedException {
        var collected = new ArrayList<Event>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(collected)) {
            Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("the stream did not deliver what was expected within " + timeout + "; got " + collected);
            }
            collected.add(event);
        }
        for (Event event; (event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
            collected.add(event);
        }
        return collected;
    }

    private void read() {
        String id = null;
        String name = "message";
        var data = new StringBuilder();
        try {
            for (var iterator = lines.iterator(); iterator.hasNext(); ) {
                String line = iterator.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
