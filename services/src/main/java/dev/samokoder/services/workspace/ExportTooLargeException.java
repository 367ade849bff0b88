package dev.samokoder.services.workspace;

/** The workspace is over the size an export may have. */
public final class ExportTooLargeException extends RuntimeException {

    public ExportTooLargeException(long size, long limit) {
        super("the workspace has " + size + " bytes, over the export limit of " + limit + " bytes", null, false, false);
    }
}
