package dev.samokoder.api.routes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRoutesTest {

    @Test
    void routes_areExactlyTheRouteConstants_inTheirOrder() throws IllegalAccessException {
        List<Route> constants = new ArrayList<>();
        for (Field field : ApiRoutes.class.getDeclaredFields()) {
            if (field.getType() == Route.class && Modifier.isStatic(field.getModifiers())) {
                assertThat(Modifier.isPublic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                        .as(field.getName() + " is a public constant").isTrue();
                constants.add((Route) field.get(null));
            }
        }

        assertThat(ApiRoutes.routes()).containsExactlyElementsOf(constants);
    }

    @Test
    void everyRouteNamesAFunctionOfTheTable() {
        Set<String> functions = new HashSet<>();
        ApiRoutes.functions().forEach(function -> functions.add(function.name()));

        assertThat(ApiRoutes.routes()).allSatisfy(route -> assertThat(functions).as(route.routeKey()).contains(route.function()));
    }

    /** API Gateway refuses two routes that differ only in their parameters' names; so would a deploy. */
    @Test
    void noTwoRoutesDifferOnlyInParameterNames() {
        Set<String> shapes = new HashSet<>();

        assertThat(ApiRoutes.routes()).allSatisfy(route -> assertThat(shapes.add(route.method() + " "
                + route.path().replaceAll("\\{[A-Za-z0-9]+}", "{}").replaceAll("\\{[A-Za-z0-9]+\\+}", "{+}")))
                .as(route.routeKey()).isTrue());
    }

    @Test
    void onlyAuthenticatedRoutesTakeApiKeys() {
        assertThat(ApiRoutes.routes()).filteredOn(route -> route.apiKeyScope().isPresent())
                .isNotEmpty().allSatisfy(route -> assertThat(route.authenticated()).isTrue());
        assertThat(ApiRoutes.CREATE_PROJECT.apiKeyScope()).contains("projects:write");
        assertThat(ApiRoutes.CREATE_API_KEY.apiKeyScope()).as("a key may not mint keys").isEmpty();
        assertThat(ApiRoutes.REGISTER.authenticated()).isFalse();
    }

    @Test
    void theFunctionsOfTheArtifactHaveDistinctNames() {
        List<FunctionSpec> all = new ArrayList<>(ApiRoutes.functions());
        all.addAll(QueueFunctions.all());

        assertThat(all).extracting(FunctionSpec::name).doesNotHaveDuplicates().allMatch(name -> name.startsWith("samokoder-"));
        assertThat(all).extracting(FunctionSpec::handlerClass).doesNotHaveDuplicates();
    }

    @Test
    void aRouteIsCheckedWhenItIsMade() {
        assertThat(new Route("GET", "/v1/projects/{projectId}/files/{path+}", "f", true).routeKey())
                .isEqualTo("GET /v1/projects/{projectId}/files/{path+}");
        assertThatThrownBy(() -> new Route("GET", "/v1/files/{path+}/raw", "f", true))
                .hasMessageContaining("greedy");
        assertThatThrownBy(() -> new Route("GET", "/v1/open", "f", false, java.util.Optional.of("projects:read")))
                .hasMessageContaining("public route needs no scope");
        assertThatThrownBy(() -> new Route("FETCH", "/v1/x", "f", false)).hasMessageContaining("method");
        assertThatThrownBy(() -> new Route("GET", "v1/x", "f", false)).hasMessageContaining("not a route path");
        assertThatThrownBy(() -> new Route("GET", "/v1/x", "f", "projects read")).hasMessageContaining("not a scope");
    }
}
