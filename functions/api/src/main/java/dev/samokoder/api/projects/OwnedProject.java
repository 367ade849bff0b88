package dev.samokoder.api.projects;

import dev.samokoder.api.http.ApiException;
import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.services.projects.ProjectService;

/** The {@code {projectId}} of a route, checked and resolved for the caller: a project that is not theirs is a 404. */
public final class OwnedProject {

    private OwnedProject() {
    }

    /** A well-formed project id; a malformed one can name no project (404, like a missing one). */
    public static String id(ApiRequest request) {
        String projectId = request.pathParameter("projectId");
        if (!Ids.isValid(Project.ID_PREFIX, projectId)) {
            throw ApiException.notFound("no project " + (projectId.length() > 40 ? projectId.substring(0, 40) + "…" : projectId));
        }
        return projectId;
    }

    /** The caller's project, or a 404 ({@code ProjectNotFoundException}) for a missing or foreign one. */
    public static Project load(ApiRequest request, ProjectService projects) {
        return projects.get(request.userId(), id(request));
    }
}
