package dev.samokoder.shared.storage;

import java.time.Instant;

/** The one place that spells key values: every repository builds keys here. */
public final class Keys {

    private Keys() {
    }

    public static Key user(String userId) {
        return new Key("USER#" + userId, "USER");
    }

    public static Key email(String normalizedEmail) {
        return new Key("EMAIL#" + normalizedEmail, "EMAIL");
    }

    public static Key project(String projectId) {
        return new Key("PROJECT#" + projectId, "PROJECT");
    }

    /** The owner's index entry of a project: sorts the owner's projects by creation time. */
    public static Key ownedProject(String ownerId, Instant createdAt, String projectId) {
        return new Key(userPartition(ownerId), OWNED_PROJECT_PREFIX + createdAt + "#" + projectId);
    }

    public static Key file(String projectId, String path) {
        return new Key(projectPartition(projectId), FILE_PREFIX + path);
    }

    public static String userPartition(String userId) {
        return "USER#" + userId;
    }

    public static String projectPartition(String projectId) {
        return "PROJECT#" + projectId;
    }

    public static final String OWNED_PROJECT_PREFIX = "OWNS#";
    public static final String FILE_PREFIX = "FILE#";
}
