package dev.samokoder.core.blob;

/** Content over the configured size limit; nothing was stored. */
public final class BlobTooLargeException extends RuntimeException {

    private final long size;
    private final long limit;

    public BlobTooLargeException(long size, long limit) {
        super("content of " + size + " bytes is over the limit of " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
