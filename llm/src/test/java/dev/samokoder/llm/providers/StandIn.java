package dev.samokoder.llm.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A provider's stand-in on 127.0.0.1: answers every request with the scripted reply and keeps
 * what it received, so a test checks the request shape and the adapter's reading of the reply.
 */
final class StandIn implements AutoCloseable {

    /** What the stand-in answers: status, headers, body, and how long it waits before answering. */
    record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        Reply withHeader(String name, String value) {
            var more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delay);
        }

        Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    /** A request as the stand-in saw it; header names lower-cased. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    /** Released on close, so a reply held back ("answers after a minute") does not outlive its test. */
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.Deque<Reply> replies = new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(Reply.json(500, "{}")));

    StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers every request with {@code next}. */
    void reply(Reply next) {
        replies(next);
    }

    /** Answers with these replies in turn, the last one for every request after. */
    void replies(Reply... inTurn) {
        replies.clear();
        replies.addAll(List.of(inTurn));
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.getLast();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Reply current = replies.size() > 1 ? replies.poll() : replies.peek();
        Map<String, List<String>> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        try {
            if (closed.await(current.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                exchange.close(); // the test is over: nobody waits for this answer
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
        current.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException clientGone) {
            // the adapter gave up first (a timeout test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
