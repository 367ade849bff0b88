package dev.samokoder.services.imports;

import java.util.Locale;

/** An import refused before anything was written, for a reason of its own (each is a problem type of the API). */
public final class ImportRefusedException extends RuntimeException {

    public enum Reason {
        /** Not a zip file, or a damaged one. */
        NOT_A_ZIP,
        /** An entry's path climbs out of the tree ({@code ..}). */
        PATH_TRAVERSAL,
        /** An entry's path is absolute ({@code /etc/passwd}, {@code C:\...}). */
        ABSOLUTE_PATH,
        /** A symbolic link points out of the tree. */
        SYMLINK_ESCAPES,
        /** An entry's path is not one a workspace can hold (control characters, too deep, too long). */
        INVALID_PATH,
        /** The archive, or what it unpacks to, is over the size limit. */
        TOO_LARGE,
        /** One file is over the file size limit. */
        FILE_TOO_LARGE,
        /** More files than the limit. */
        TOO_MANY_FILES;

        /** The API's problem type: {@code import-path-traversal}, ... */
        public String problemType() {
            return "import-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public ImportRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
