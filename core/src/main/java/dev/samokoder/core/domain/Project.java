package dev.samokoder.core.domain;

import java.time.Instant;

/**
 * A user's app in the making. Small and fixed in size: specs, tasks, runs and files are items of
 * their own, never fields that grow here.
 *
 * @param version the optimistic-locking version this copy was read at
 */
public record Project(String id, String ownerId, String name, String description, ProjectSettings settings,
                      Instant createdAt, Instant updatedAt, long version) {

    public static final String ID_PREFIX = "prj";

    public Project withName(String newName) {
        return new Project(id, ownerId, newName, description, settings, createdAt, updatedAt, version);
    }

    public Project withDescription(String newDescription) {
        return new Project(id, ownerId, name, newDescription, settings, createdAt, updatedAt, version);
    }

    public Project withSettings(ProjectSettings newSettings) {
        return new Project(id, ownerId, name, description, newSettings, createdAt, updatedAt, version);
    }
}
