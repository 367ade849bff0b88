package dev.samokoder.api.docs;

import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.routes.Route;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.models.AgentNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static JsonNode document() throws Exception {
        return Json.mapper().readTree(OpenApiOperation.load());
    }

    /** "GET /v1/projects/{projectId}/files/{path}" for each operation of the document. */
    private static Set<String> documentedRouteKeys(JsonNode document) {
        Set<String> keys = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return keys;
    }

    /** API Gateway's greedy {name+} is plain {name} in OpenAPI. */
    private static String asOpenApi(Route route) {
        return route.routeKey().replace("+}", "}");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() throws Exception {
        Set<String> routes = ApiRoutes.routes().stream().map(OpenApiDocumentTest::asOpenApi).collect(Collectors.toSet());

        Set<String> documented = documentedRouteKeys(document());

        assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void securityMatchesTheRouteTable() throws Exception {
        JsonNode paths = document().path("paths");
        for (Route route : ApiRoutes.routes()) {
            String path = route.path().replace("+}", "}");
            JsonNode operation = paths.path(path).path(route.method().toLowerCase(Locale.ROOT));
            boolean secured = operation.path("security").size() > 0;
            assertThat(secured).as(route.routeKey()).isEqualTo(route.authenticated());
            if (route.authenticated()) {
                assertThat(operation.path("responses").has("401")).as(route.routeKey()).isTrue();
            }
        }
    }

    /** The route table is the one list of scopes: the document says the same, operation by operation. */
    @Test
    void apiKeyScopesMatchTheRouteTable() throws Exception {
        JsonNode paths = document().path("paths");
        for (Route route : ApiRoutes.routes()) {
            JsonNode operation = paths.path(route.path().replace("+}", "}")).path(route.method().toLowerCase(Locale.ROOT));
            List<String> documented = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirement.path("apiKey").forEach(scope -> documented.add(scope.asText())));
            boolean takesApiKeys = false;
            for (JsonNode requirement : operation.path("security")) {
                takesApiKeys |= requirement.has("apiKey");
            }
            assertThat(takesApiKeys).as(route.routeKey() + " takes API keys").isEqualTo(route.apiKeyScope().isPresent());
            assertThat(documented).as(route.routeKey() + " scopes")
                    .containsExactlyElementsOf(route.apiKeyScope().map(List::of).orElse(List.of()));
        }
    }

    /** A route's constant in the table is named after its operation: {@code CREATE_PROJECT} is {@code createProject}. */
    @Test
    void everyRouteConstantIsNamedAfterItsOperationId() throws Exception {
        JsonNode paths = document().path("paths");
        for (Field field : ApiRoutes.class.getFields()) {
            if (field.getType() != Route.class) {
                continue;
            }
            Route route = (Route) field.get(null);
            String operationId = paths.path(route.path().replace("+}", "}")).path(route.method().toLowerCase(Locale.ROOT))
                    .path("operationId").asText();
            assertThat(operationId.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT)).as(route.routeKey())
                    .isEqualTo(field.getName());
        }
    }

    /** A client may switch on a problem's type: the document lists every one this module answers with. */
    @Test
    void everyProblemTypeTheApiAnswersWithIsListed() throws Exception {
        String description = document().at("/components/schemas/Problem/properties/type/description").asText();
        Set<String> listed = Arrays.stream(description.substring(description.indexOf('{') + 1, description.indexOf('}')).split(","))
                .map(String::strip).collect(Collectors.toSet());
        Pattern problemOf = Pattern.compile("Problem\\.of\\(\\s*\"([a-z-]+)\"");
        Set<String> answered = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                problemOf.matcher(Files.readString(source)).results().forEach(match -> answered.add(match.group(1)));
            }
        }

        assertThat(answered).contains("validation", "not-found", "internal");
        assertThat(listed).containsAll(answered);
    }

    /** The agents a project may choose a model for are the workflow's, and the document lists the same ones. */
    @Test
    void projectAgentModels_nameTheWorkflowsAgents() throws Exception {
        JsonNode agentModels = document().path("components").path("schemas").path("Settings").path("properties").path("agentModels");
        List<String> documented = new ArrayList<>();
        agentModels.path("propertyNames").path("enum").forEach(name -> documented.add(name.asText()));

        assertThat(documented).containsExactlyElementsOf(AgentNames.MODEL_CALLERS);
        assertThat(agentModels.path("maxProperties").asInt()).isEqualTo(AgentNames.MODEL_CALLERS.size());
    }

    @Test
    void isOpenApi31WithUniqueOperationIdsAndResolvableReferences() throws Exception {
        JsonNode document = document();
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");

        Set<String> operationIds = new HashSet<>();
        document.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                assertThat(operationIds.add(operation.path("operationId").asText())).isTrue();
            }
        }));
        Set<String> schemas = new HashSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        String text = document.toString();
        var references = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(text);
        while (references.find()) {
            assertThat(schemas).contains(references.group(1));
        }
    }
}
