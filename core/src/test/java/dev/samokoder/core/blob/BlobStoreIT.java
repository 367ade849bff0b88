package dev.samokoder.core.blob;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class BlobStoreIT {

    private static byte[] uniqueContent() {
        return ("content " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static long storedObjects(LocalAws aws, String sha256) {
        return aws.clients().s3().listObjectsV2(r -> r.bucket(aws.config().aws().bucketName()).prefix(BlobStore.key(sha256)))
                .keyCount();
    }

    @Test
    void put_isContentAddressedAndIdempotent(LocalAws aws) {
        // given
        BlobStore blobs = aws.storage().blobs();
        byte[] content = uniqueContent();

        // when
        BlobRef first = blobs.put(content);
        String etagAfterFirst = aws.clients().s3().headObject(r -> r.bucket(aws.config().aws().bucketName())
                .key(BlobStore.key(first.sha256()))).eTag();
        BlobRef second = blobs.put(content.clone());

        // then
        assertThat(second).isEqualTo(first);
        assertThat(first.sha256()).isEqualTo(BlobStore.sha256(content)).hasSize(64);
        assertThat(first.size()).isEqualTo(content.length);
        assertThat(storedObjects(aws, first.sha256())).isEqualTo(1);
        assertThat(aws.clients().s3().headObject(r -> r.bucket(aws.config().aws().bucketName())
                .key(BlobStore.key(first.sha256()))).eTag()).isEqualTo(etagAfterFirst);
        assertThat(blobs.get(first.sha256())).isEqualTo(content);
    }

    @Test
    void put_ofContentAlreadyStored_writesNothing(LocalAws aws) {
        // given: a store whose S3 client counts the objects it writes
        AtomicInteger puts = new AtomicInteger();
        ExecutionInterceptor countPuts = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutObjectRequest) {
                    puts.incrementAndGet();
                }
            }
        };
        byte[] content = uniqueContent();
        try (AwsClients counted = new AwsClients(aws.config().aws(), List.of(countPuts))) {
            BlobStore blobs = new BlobStore(counted.s3(), aws.config().aws().bucketName(), 1024);

            // when: the same content is put three times
            BlobRef first = blobs.put(content);
            blobs.put(content.clone());
            blobs.put(content.clone());

            // then: one write
            assertThat(puts).hasValue(1);
            assertThat(blobs.get(first.sha256())).isEqualTo(content);
        }
    }

    @Test
    void get_refusesContentThatDoesNotMatchItsHash(LocalAws aws) {
        // given: a stored blob whose object is then overwritten behind the store's back
        BlobStore blobs = aws.storage().blobs();
        BlobRef ref = blobs.put(uniqueContent());
        aws.clients().s3().putObject(r -> r.bucket(aws.config().aws().bucketName()).key(BlobStore.key(ref.sha256()))
                .contentType("application/octet-stream"), RequestBody.fromString("tampered"));

        // when / then
        assertThatThrownBy(() -> blobs.get(ref.sha256()))
                .isInstanceOf(BlobCorruptedException.class)
                .hasMessageContaining(ref.sha256());
    }

    @Test
    void get_ofUnknownHash_isNotFound(LocalAws aws) {
        String unknown = BlobStore.sha256(uniqueContent());

        assertThatThrownBy(() -> aws.storage().blobs().get(unknown)).isInstanceOf(BlobNotFoundException.class);
        assertThat(aws.storage().blobs().exists(unknown)).isFalse();
    }

    @Test
    void get_refusesSomethingThatIsNotAHash(LocalAws aws) {
        assertThatThrownBy(() -> aws.storage().blobs().get("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void put_overTheLimit_storesNothing(LocalAws aws) {
        BlobStore small = new BlobStore(aws.clients().s3(), aws.config().aws().bucketName(), 8);
        byte[] content = uniqueContent();

        assertThatThrownBy(() -> small.put(content)).isInstanceOf(BlobTooLargeException.class);
        assertThat(storedObjects(aws, BlobStore.sha256(content))).isZero();
    }

    @Test
    void emptyContent_isAValidBlob(LocalAws aws) {
        BlobRef empty = aws.storage().blobs().put(new byte[0]);

        assertThat(empty.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(aws.storage().blobs().get(empty.sha256())).isEmpty();
    }
}
