package dev.samokoder.services.webhooks;

/** The project has as many triggers as it may have (HTTP 409). */
public final class TooManyWebhooksException extends RuntimeException {

    public TooManyWebhooksException(int limit) {
        super("a project may have at most " + limit + " webhook triggers; delete one first", null, false, false);
    }
}
