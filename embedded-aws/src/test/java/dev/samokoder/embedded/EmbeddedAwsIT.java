package dev.samokoder.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

class EmbeddedAwsIT {

    private static final String KEY = "testkey";
    private static final String SECRET = "testsecret";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));

    private static EmbeddedAws.Options persistent(Path dataDir) {
        return new EmbeddedAws.Options(dataDir, "127.0.0.1", 0, 0, 0, "us-east-1", KEY, SECRET);
    }

    private static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart(@TempDir Path dataDir) {
        // given: an item and an object written, then the stack stopped
        try (EmbeddedAws aws = EmbeddedAws.start(persistent(dataDir));
             DynamoDbClient dynamoDb = dynamoDb(aws.dynamoDbEndpoint());
             S3Client s3 = s3(aws.s3Endpoint())) {
            dynamoDb.createTable(r -> r.tableName("items")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .billingMode("PAY_PER_REQUEST"));
            dynamoDb.putItem(r -> r.tableName("items").item(Map.of("pk", AttributeValue.fromS("kept"),
                    "note", AttributeValue.fromS("written before the restart"))));
            s3.createBucket(r -> r.bucket("kept-bucket"));
            s3.putObject(r -> r.bucket("kept-bucket").key("k").contentType("text/plain"), RequestBody.fromString("object body"));
        }

        // when: started again on the same data dir
        try (EmbeddedAws aws = EmbeddedAws.start(persistent(dataDir));
             DynamoDbClient dynamoDb = dynamoDb(aws.dynamoDbEndpoint());
             S3Client s3 = s3(aws.s3Endpoint())) {
            // then
            var item = dynamoDb.getItem(r -> r.tableName("items").key(Map.of("pk", AttributeValue.fromS("kept")))).item();
            assertThat(item.get("note").s()).isEqualTo("written before the restart");
            assertThat(s3.getObjectAsBytes(r -> r.bucket("kept-bucket").key("k")).asUtf8String()).isEqualTo("object body");
        }
    }

    @Test
    void aDamagedDatabaseFileIsReportedAndLeftUntouched(@TempDir Path dataDir) throws IOException {
        // given
        Path database = dataDir.resolve("dynamodb").resolve(DynamoDbLocalServer.DATABASE_FILE);
        Files.createDirectories(database.getParent());
        byte[] garbage = "this is not a database, but it is the user's file".getBytes(StandardCharsets.UTF_8);
        Files.write(database, garbage);

        // when / then
        assertThatThrownBy(() -> EmbeddedAws.start(persistent(dataDir)))
                .isInstanceOf(EmbeddedAwsException.class)
                .hasMessageContaining(database.toString())
                .hasMessageContaining("left as it is");
        assertThat(Files.readAllBytes(database)).isEqualTo(garbage);
    }

    @Test
    void aTruncatedDatabaseIsReportedBeforeDynamoDbOpensItAndLeftUntouched(@TempDir Path dataDir) throws IOException {
        // given: a real database with a table in it, then cut short (a full disk, an interrupted copy)
        try (EmbeddedAws aws = EmbeddedAws.start(persistent(dataDir));
             DynamoDbClient dynamoDb = dynamoDb(aws.dynamoDbEndpoint())) {
            dynamoDb.createTable(r -> r.tableName("items")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .billingMode("PAY_PER_REQUEST"));
        }
        Path database = dataDir.resolve("dynamodb").resolve(DynamoDbLocalServer.DATABASE_FILE);
        byte[] whole = Files.readAllBytes(database);
        assertThat(whole.length % DataDir.pageSize(whole)).as("a whole database is whole pages").isZero();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 1000);
        Files.write(database, truncated);

        // when / then
        assertThatThrownBy(() -> EmbeddedAws.start(persistent(dataDir)))
                .isInstanceOf(EmbeddedAwsException.class)
                .hasMessageContaining(database.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("left as it is");
        assertThat(Files.readAllBytes(database)).isEqualTo(truncated);
        // and the failed start released the data dir and the ports: repaired, it starts again
        Files.write(database, whole);
        EmbeddedAws.start(persistent(dataDir)).close();
    }

    @Test
    void aDataDirOfAnUnknownFormatIsRefused(@TempDir Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve(DataDir.MARKER_FILE), "{\"format\": 99}");

        assertThatThrownBy(() -> EmbeddedAws.start(persistent(dataDir)))
                .isInstanceOf(EmbeddedAwsException.class)
                .hasMessageContaining("format 99");
    }

    @Test
    void aDataDirThatIsAFileIsRefused(@TempDir Path parent) throws IOException {
        Path file = Files.writeString(parent.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> EmbeddedAws.start(persistent(file)))
                .isInstanceOf(EmbeddedAwsException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void twoStacksCannotShareOneDataDir(@TempDir Path dataDir) {
        try (EmbeddedAws first = EmbeddedAws.start(persistent(dataDir))) {
            assertThatThrownBy(() -> EmbeddedAws.start(persistent(dataDir)))
                    .isInstanceOf(EmbeddedAwsException.class)
                    .hasMessageContaining("in use by another");
            assertThat(first.components()).hasSize(3);
        }
        // released on close: a new start works
        EmbeddedAws.start(persistent(dataDir)).close();
    }

    @Test
    void aTakenPortIsNamedInTheError() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            var options = new EmbeddedAws.Options(null, "127.0.0.1", 0, port, 0, "us-east-1", KEY, SECRET);

            assertThatThrownBy(() -> EmbeddedAws.start(options))
                    .isInstanceOfSatisfying(PortInUseException.class, e -> {
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e.component()).isEqualTo("s3");
                    });
        }
    }

    @Test
    void everyComponentListensOnLoopbackOnly() throws IOException {
        assumeThat(Files.isReadable(Path.of("/proc/net/tcp"))).as("Linux /proc/net/tcp").isTrue();
        try (EmbeddedAws aws = EmbeddedAws.start(EmbeddedAws.Options.inMemory("us-east-1", KEY, SECRET))) {
            for (LocalComponent component : aws.components()) {
                List<String> addresses = listeningAddresses(component.endpoint().getPort());
                assertThat(addresses).as(component.name()).isNotEmpty().allMatch(EmbeddedAwsIT::isLoopback);
            }
        }
    }

    /** Local addresses (hex, as /proc/net/tcp{,6} print them) of the sockets listening on a port. */
    private static List<String> listeningAddresses(int port) throws IOException {
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                // fields[1] is the local address ip:port in hex, fields[3] the state; 0A is LISTEN
                if (fields.length > 3 && fields[1].endsWith(portHex) && fields[3].equals("0A")) {
                    addresses.add(fields[1].substring(0, fields[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }

    private static boolean isLoopback(String hexAddress) {
        return hexAddress.equals("0100007F") // 127.0.0.1
                || hexAddress.equals("0000000000000000FFFF00000100007F") // ::ffff:127.0.0.1
                || hexAddress.equals("00000000000000000000000001000000"); // ::1
    }
}
