package dev.samokoder.core.storage;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.models.ModelOverrides;
import dev.samokoder.core.models.ModelRef;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Projects and their owner index. A project and its index entry are created, changed and deleted
 * together in one transaction, and the entry carries a copy of the project: listing a user's
 * projects is one strongly consistent query of the index, newest first. Entries written before
 * they carried the copy (only an id) are read through the projects themselves, in one batch.
 */
public final class ProjectRepository {

    static final String TYPE = "Project";
    static final String OWNED_TYPE = "OwnedProject";
    private static final int MAX_BATCH_GET_ROUNDS = 5;

    private final DynamoDbClient dynamoDb;
    private final SingleTable table;
    private final Clock clock;

    public ProjectRepository(DynamoDbClient dynamoDb, SingleTable table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    public Project create(String ownerId, String name, String description, ProjectSettings settings) {
        Instant now = clock.instant();
        Project project = new Project(Ids.newId(Project.ID_PREFIX), ownerId, name, description, settings, now, now, 1);
        table.transact(List.of(table.createOp(toItem(project)), table.createOp(toIndexEntry(project))),
                (index, stored) -> new ItemAlreadyExistsException(index == 0
                        ? Keys.project(project.id())
                        : Keys.ownedProject(ownerId, now, project.id())));
        return project;
    }

    public Optional<Project> get(String projectId) {
        return table.get(Keys.project(projectId)).map(ProjectRepository::fromItem);
    }

    /**
     * The project if {@code userId} owns it. A project of someone else is indistinguishable from
     * one that does not exist, so the API can answer 404 for both.
     */
    public Optional<Project> getOwned(String projectId, String userId) {
        return get(projectId).filter(project -> project.ownerId().equals(userId));
    }

    /** The owner's projects, newest first, a page at a time. */
    public Page<Project> listOwned(String ownerId, int limit, Optional<String> cursor) {
        Page<Map<String, AttributeValue>> index = table.queryPage(
                Keys.userPartition(ownerId), Keys.OWNED_PROJECT_PREFIX, limit, cursor, false);
        List<String> ids = index.items().stream().map(item -> Attributes.of(item).string("projectId")).toList();
        Map<String, Project> byId = new HashMap<>();
        index.items().stream().filter(ProjectRepository::carriesCopy).map(ProjectRepository::fromItem)
                .forEach(project -> byId.put(project.id(), project));
        byId.putAll(batchGet(ids.stream().filter(id -> !byId.containsKey(id)).toList()));
        List<Project> projects = ids.stream().map(byId::get).filter(p -> p != null).toList();
        return new Page<>(projects, index.nextCursor());
    }

    /** @throws VersionConflictException if the project changed since it was read */
    public Project save(Project project) {
        Project saved = new Project(project.id(), project.ownerId(), project.name(), project.description(),
                project.settings(), project.createdAt(), clock.instant(), project.version() + 1);
        // the copy in the index changes with the project, or neither does
        try {
            table.transact(List.of(table.replaceOp(toItem(saved), project.version()), table.putOp(toIndexEntry(saved))),
                    (index, stored) -> SingleTable.conditionFailed(Keys.project(project.id()), project.version(), stored.orElse(Map.of())));
        } catch (TransactionCanceledException cancelled) {
            boolean concurrent = cancelled.hasCancellationReasons()
                    && cancelled.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
            if (!concurrent) {
                throw cancelled; // throttled, or another reason: the caller's retry policy sees it
            }
            // another change of this project was being written at the same moment: the same answer as a lost race
            Project current = get(project.id()).orElseThrow(() -> new ItemNotFoundException(Keys.project(project.id())));
            throw new VersionConflictException(Keys.project(project.id()), project.version(), OptionalLong.of(current.version()));
        }
        return saved;
    }

    /**
     * Deletes the project and its owner index entry in one transaction. The project's other items
     * (files, runs) are no longer reachable after this and are removed by their own repositories.
     *
     * @throws VersionConflictException if the project changed since it was read
     */
    public void delete(Project project) {
        Key key = Keys.project(project.id());
        table.transact(List.of(
                        table.deleteOp(key, project.version()),
                        table.deleteExistingOp(Keys.ownedProject(project.ownerId(), project.createdAt(), project.id()))),
                (index, stored) -> index == 0
                        ? SingleTable.conditionFailed(key, project.version(), stored.orElse(Map.of()))
                        : new ItemNotFoundException(Keys.ownedProject(project.ownerId(), project.createdAt(), project.id())));
    }

    private Map<String, Project> batchGet(List<String> ids) {
        Map<String, Project> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Map<String, KeysAndAttributes> request = Map.of(table.tableName(), KeysAndAttributes.builder()
                .keys(ids.stream().map(id -> Keys.project(id).toAttributes()).toList())
                .consistentRead(true)
                .build());
        for (int round = 0; round < MAX_BATCH_GET_ROUNDS && !request.isEmpty(); round++) {
            Backoff.THROTTLED_BATCH.beforeRound(round);
            var pending = request;
            var response = dynamoDb.batchGetItem(r -> r.requestItems(pending));
            response.responses().getOrDefault(table.tableName(), List.of())
                    .forEach(item -> found.put(Attributes.of(item).string("id"), fromItem(item)));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        if (!request.isEmpty()) {
            throw new IllegalStateException("DynamoDB left project reads unprocessed after " + MAX_BATCH_GET_ROUNDS + " rounds");
        }
        return found;
    }

    private static Map<String, AttributeValue> toItem(Project project) {
        return toItem(Keys.project(project.id()), TYPE, project);
    }

    /** The owner's index entry: the project's id, and a copy of the project for listing it. */
    private static Map<String, AttributeValue> toIndexEntry(Project project) {
        Map<String, AttributeValue> entry = new HashMap<>(toItem(Keys.ownedProject(project.ownerId(), project.createdAt(), project.id()),
                OWNED_TYPE, project));
        entry.put("projectId", AttributeValue.fromS(project.id()));
        return entry;
    }

    private static boolean carriesCopy(Map<String, AttributeValue> indexEntry) {
        return indexEntry.containsKey("name");
    }

    private static Map<String, AttributeValue> toItem(Key key, String type, Project project) {
        return Attributes.item(key, type, project.version())
                .string("id", project.id())
                .string("ownerId", project.ownerId())
                .string("name", project.name())
                .string("description", project.description())
                .optionalDecimal("budgetUsd", project.settings().budgetUsd())
                .string("autonomy", project.settings().autonomy().name())
                .optionalString("model", project.settings().models().defaultModel().map(ModelRef::toString))
                .stringList("agentModels", agentModels(project.settings().models()))
                .instant("createdAt", project.createdAt())
                .instant("updatedAt", project.updatedAt())
                .build();
    }

    private static Project fromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        var models = new ModelOverrides(a.optionalString("model").map(ModelRef::parse), agentModels(a.stringList("agentModels")));
        var settings = new ProjectSettings(a.optionalDecimal("budgetUsd"), AutonomyMode.valueOf(a.string("autonomy")), models);
        return new Project(a.string("id"), a.string("ownerId"), a.string("name"), a.string("description"), settings,
                a.instant("createdAt"), a.instant("updatedAt"), a.version());
    }

    /** A project's per-agent models as stored: {@code Agent=provider:model}, the form of {@code SAMOKODER_LLM_AGENT_MODELS}. */
    private static List<String> agentModels(ModelOverrides models) {
        return models.perAgent().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    }

    private static Map<String, ModelRef> agentModels(List<String> stored) {
        Map<String, ModelRef> models = new HashMap<>();
        for (String entry : stored) {
            int equals = entry.indexOf('=');
            models.put(entry.substring(0, equals), ModelRef.parse(entry.substring(equals + 1)));
        }
        return models;
    }
}
