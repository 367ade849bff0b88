package dev.samokoder.core.blob;

/** No blob with that hash is stored. */
public final class BlobNotFoundException extends RuntimeException {

    public BlobNotFoundException(String sha256) {
        super("no blob " + sha256);
    }
}
