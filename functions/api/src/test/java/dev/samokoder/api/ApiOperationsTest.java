package dev.samokoder.api;

import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.HttpPipeline;
import dev.samokoder.api.http.Operation;
import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.routes.Route;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.services.apikeys.ApiScope;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiOperationsTest {

    private static final Operation NOTHING = request -> ApiResponse.noContent();

    @Test
    void everyRouteOfTheTableHasAnOperation_andEveryOperationARoute() throws ReflectiveOperationException {
        // given
        ApiServices services = configurationOnly();

        // when
        Map<String, HttpPipeline.Binding> bindings = ApiOperations.bind(services);

        // then
        assertThat(ApiOperations.operations(services).keySet()).containsExactlyInAnyOrderElementsOf(ApiRoutes.routes());
        assertThat(bindings).hasSameSizeAs(ApiRoutes.routes());
        ApiRoutes.routes().forEach(route -> assertThat(bindings.get(route.routeKey()).route()).isEqualTo(route));
    }

    @Test
    void bind_refusesARouteWithoutAnOperation() {
        assertThatThrownBy(() -> ApiOperations.bind(List.of(ApiRoutes.ME, ApiRoutes.LOGIN), Map.of(ApiRoutes.ME, NOTHING)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("routes without an operation: [POST /v1/auth/login]");
    }

    @Test
    void bind_refusesAnOperationOfNoRoute() {
        Route elsewhere = new Route("GET", "/v1/elsewhere", ApiRoutes.API.name(), true);

        assertThatThrownBy(() -> ApiOperations.bind(List.of(ApiRoutes.ME), Map.of(ApiRoutes.ME, NOTHING, elsewhere, NOTHING)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("operations without a route: [GET /v1/elsewhere]");
    }

    @Test
    void bind_resolvesEachRoutesScope_andRefusesOneThatIsNoApiScope() {
        Map<String, HttpPipeline.Binding> bindings = ApiOperations.bind(List.of(ApiRoutes.GET_USAGE, ApiRoutes.ME),
                Map.of(ApiRoutes.GET_USAGE, NOTHING, ApiRoutes.ME, NOTHING));
        assertThat(bindings.get("GET /v1/usage").apiKeyScope()).contains(ApiScope.USAGE_READ);
        assertThat(bindings.get("GET /v1/me").apiKeyScope()).isEmpty();

        Route unknownScope = new Route("GET", "/v1/things", ApiRoutes.API.name(), "things:read");
        assertThatThrownBy(() -> ApiOperations.bind(List.of(unknownScope), Map.of(unknownScope, NOTHING)))
                .hasMessage("route GET /v1/things names no API-key scope: things:read");
    }

    /** The services record with a configuration and nothing else: binding builds the operations and calls none. */
    private static ApiServices configurationOnly() throws ReflectiveOperationException {
        RecordComponent[] components = ApiServices.class.getRecordComponents();
        Constructor<ApiServices> canonical = ApiServices.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        SamokoderConfig config = SamokoderConfig.fromEnv(Map.of());
        return canonical.newInstance(Arrays.stream(components)
                .map(component -> component.getType() == SamokoderConfig.class ? config : null).toArray());
    }
}
