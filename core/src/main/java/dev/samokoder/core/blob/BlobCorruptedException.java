package dev.samokoder.core.blob;

/** The bytes stored under a hash do not hash to it: the object was damaged or replaced. */
public final class BlobCorruptedException extends RuntimeException {

    public BlobCorruptedException(String expectedSha256, String actualSha256) {
        super("blob " + expectedSha256 + " is corrupted: its content hashes to " + actualSha256);
    }
}
