package dev.samokoder.api.projects;

import dev.samokoder.shared.domain.Project;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** A project as the API shows it. {@code version} is what a PATCH must send back. */
public record ProjectView(String id, String name, String description, Settings settings,
                          Instant createdAt, Instant updatedAt, long version) {

    public record Settings(BigDecimal budgetUsd, String autonomy) {
    }

    static ProjectView of(Project project) {
        return new ProjectView(project.id(), project.name(), project.description(),
                new Settings(project.settings().budgetUsd().orElse(null),
                        project.settings().autonomy().name().toLowerCase(Locale.ROOT)),
                project.createdAt(), project.updatedAt(), project.version());
    }
}
