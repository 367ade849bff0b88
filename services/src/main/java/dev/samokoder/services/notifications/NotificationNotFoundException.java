package dev.samokoder.services.notifications;

/** The project has no notification URL (HTTP 404). */
public final class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException(String projectId) {
        super("project " + projectId + " has no notification URL", null, false, false);
    }
}
