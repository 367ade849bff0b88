package dev.samokoder.services.projects;

import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.models.ModelOverrides;
import dev.samokoder.core.storage.FileIndexRepository;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.storage.ProjectRepository;
import dev.samokoder.core.storage.VersionConflictException;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A user's projects: every method takes the caller and sees only what the caller owns. */
public final class ProjectService {

    private static final Logger log = LoggerFactory.getLogger(ProjectService.class);

    private final ProjectRepository projects;
    private final FileIndexRepository files;

    public ProjectService(ProjectRepository projects, FileIndexRepository files) {
        this.projects = projects;
        this.files = files;
    }

    public Project create(String ownerId, String name, String description, ProjectSettings settings) {
        Project project = projects.create(ownerId, name, description, settings);
        log.info("project {} created", project.id());
        return project;
    }

    /** @throws ProjectNotFoundException if it does not exist or is someone else's */
    public Project get(String userId, String projectId) {
        return projects.getOwned(projectId, userId).orElseThrow(() -> new ProjectNotFoundException(projectId));
    }

    public Page<Project> list(String userId, int limit, Optional<String> cursor) {
        return projects.listOwned(userId, limit, cursor);
    }

    /**
     * Applies changes to the project as it was at {@code expectedVersion}.
     *
     * @throws VersionConflictException if it has changed since (nothing is written)
     */
    public Project update(String userId, String projectId, long expectedVersion, ProjectChanges changes) {
        Project current = get(userId, projectId);
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(Keys.project(projectId), expectedVersion,
                    OptionalLong.of(current.version()));
        }
        ProjectSettings settings = current.settings();
        ModelOverrides models = settings.models();
        models = new ModelOverrides(changes.model().orElse(models.defaultModel()), changes.agentModels().orElse(models.perAgent()));
        settings = new ProjectSettings(changes.budgetUsd().orElse(settings.budgetUsd()),
                changes.autonomy().orElse(settings.autonomy()), models);
        Project changed = current
                .withName(changes.name().orElse(current.name()))
                .withDescription(changes.description().orElse(current.description()))
                .withSettings(settings);
        return projects.save(changed);
    }

    /**
     * Deletes the project (at {@code expectedVersion} if given) and then its file index.
     *
     * @throws VersionConflictException if a version was given and it has changed since
     */
    public void delete(String userId, String projectId, OptionalLong expectedVersion) {
        Project current = get(userId, projectId);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new VersionConflictException(Keys.project(projectId),
                    expectedVersion.getAsLong(), OptionalLong.of(current.version()));
        }
        projects.delete(current);
        int removed = files.deleteAll(projectId);
        log.info("project {} deleted with {} file entries", projectId, removed);
    }
}
