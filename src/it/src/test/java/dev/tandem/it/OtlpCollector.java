package dev.tandem.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * An OpenTelemetry collector for the test server's spans (OTLP over HTTP, {@code /v1/traces}), up for the
 * whole test run so that the server's exporter always finds it: the build starts the server with
 * {@code TANDEM_OTLP_ENDPOINT} naming {@code tandem.it.otlp.port}. It keeps the spans of the latest traces.
 * (WildFly's exporter compresses with gzip, Payara's does not.)
 */
public class OtlpCollector implements LauncherSessionListener {

    /** A span as the server exported it; ids in hex, {@code parentSpanId} empty for a root span. */
    record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String kind) {
    }

    private static final int TRACES_KEPT = 10_000;
    private static final Map<String, List<ReceivedSpan>> TRACES = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ReceivedSpan>> eldest) {
            return size() > TRACES_KEPT;
        }
    };
    private static HttpServer server;

    /** The spans received so far of the trace {@code traceId}. */
    static List<ReceivedSpan> spansOf(String traceId) {
        synchronized (TRACES) {
            return List.copyOf(TRACES.getOrDefault(traceId, List.of()));
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("tandem.it.otlp.port");
        if (port == null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for the server's spans on port " + port, e);
        }
        server.createContext("/v1/traces", OtlpCollector::receive);
        server.start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(body);
            synchronized (TRACES) {
                export.getResourceSpansList().stream()
                        .flatMap(resource -> resource.getScopeSpansList().stream())
                        .flatMap(scope -> scope.getSpansList().stream())
                        .map(span -> new ReceivedSpan(hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                                hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name()))
                        .forEach(span -> TRACES.computeIfAbsent(span.traceId(), trace -> new ArrayList<>()).add(span));
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }
}
