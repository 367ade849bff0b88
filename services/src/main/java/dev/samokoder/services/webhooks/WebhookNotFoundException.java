package dev.samokoder.services.webhooks;

/** No such trigger on this project of this user (HTTP 404, like any resource that is not the caller's). */
public final class WebhookNotFoundException extends RuntimeException {

    public WebhookNotFoundException(String hookId) {
        super("no webhook " + hookId + " on this project", null, false, false);
    }
}
