package dev.samokoder.embedded;

import java.net.URI;

/** One emulated AWS service running inside this JVM on a loopback port. */
public interface LocalComponent extends AutoCloseable {

    /** Short name used in messages and in the health report: {@code dynamodb}, {@code s3}, {@code sqs}. */
    String name();

    /** The HTTP endpoint an AWS SDK v2 client is pointed at. */
    URI endpoint();

    /** Stops the component; never throws, so that shutdown of the others goes on. */
    @Override
    void close();
}
