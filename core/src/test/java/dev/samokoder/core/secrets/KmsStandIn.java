package dev.samokoder.core.secrets;

import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for KMS that speaks its wire protocol (JSON 1.1, {@code X-Amz-Target:
 * TrentService.*}) for the two calls envelope encryption makes: GenerateDataKey and Decrypt. It
 * wraps data keys with AES-256-GCM under its own key and binds the encryption context the way KMS
 * does, so a wrong context is refused. For tests only: the product talks to KMS itself. Tests that
 * wire the platform as on AWS share one ({@link #shared}, services' {@code TestWiring}).
 */
public final class KmsStandIn implements AutoCloseable {

    public static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-test";
    private static KmsStandIn shared;

    private final HttpServer server;
    private final byte[] rootKey = new byte[32];
    final AtomicInteger generated = new AtomicInteger();
    final AtomicInteger decrypted = new AtomicInteger();

    public KmsStandIn() throws IOException {
        new SecureRandom().nextBytes(rootKey);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** One stand-in for the whole test JVM, started on first use and stopped with the JVM. */
    public static synchronized KmsStandIn shared() {
        if (shared == null) {
            try {
                shared = new KmsStandIn();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the KMS stand-in", e);
            }
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
        Map<String, String> context = new TreeMap<>();
        request.path("EncryptionContext").fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
        ObjectNode answer = Json.mapper().createObjectNode();
        int status = 200;
        Base64.Encoder b64 = Base64.getEncoder();
        try {
            switch (target) {
                case "TrentService.GenerateDataKey" -> {
                    byte[] dataKey = new byte[32];
                    new SecureRandom().nextBytes(dataKey);
                    AesGcm.Output wrapped = AesGcm.encrypt(rootKey, dataKey, context);
                    byte[] blob = new byte[12 + wrapped.ciphertext().length];
                    System.arraycopy(wrapped.nonce(), 0, blob, 0, 12);
                    System.arraycopy(wrapped.ciphertext(), 0, blob, 12, wrapped.ciphertext().length);
                    answer.put("KeyId", KEY_ARN).put("Plaintext", b64.encodeToString(dataKey)).put("CiphertextBlob", b64.encodeToString(blob));
                    generated.incrementAndGet();
                }
                case "TrentService.Decrypt" -> {
                    byte[] blob = Base64.getDecoder().decode(request.path("CiphertextBlob").asText());
                    byte[] nonce = java.util.Arrays.copyOfRange(blob, 0, 12);
                    byte[] ciphertext = java.util.Arrays.copyOfRange(blob, 12, blob.length);
                    byte[] dataKey = AesGcm.decrypt(rootKey, nonce, ciphertext, context);
                    answer.put("KeyId", KEY_ARN).put("Plaintext", b64.encodeToString(dataKey)).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
                    decrypted.incrementAndGet();
                }
                default -> {
                    status = 400;
                    answer.put("__type", "UnsupportedOperationException").put("message", target);
                }
            }
        } catch (SecretUnreadableException e) {
            status = 400;
            answer.put("__type", "InvalidCiphertextException").put("message", "the ciphertext or its context is wrong");
        }
        byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
