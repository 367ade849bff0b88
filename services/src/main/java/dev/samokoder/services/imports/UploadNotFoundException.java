package dev.samokoder.services.imports;

/** No such upload of the caller's: never uploaded, already imported, or someone else's. */
public final class UploadNotFoundException extends RuntimeException {

    public UploadNotFoundException(String uploadId) {
        super("no upload " + (uploadId.length() > 40 ? uploadId.substring(0, 40) + "…" : uploadId) + " to import; uploads are imported once");
    }
}
