package dev.samokoder.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    record Sample(String name, Long count, Boolean flag, BigDecimal amount) {
    }

    @Test
    void readsMatchingTypes() throws JsonProcessingException {
        Sample sample = Json.mapper().readValue("{\"name\":\"x\",\"count\":3,\"flag\":true,\"amount\":2.5}", Sample.class);

        assertThat(sample).isEqualTo(new Sample("x", 3L, true, new BigDecimal("2.5")));
    }

    @Test
    void refusesScalarCoercions() {
        for (String body : new String[] {"{\"name\":42}", "{\"name\":true}", "{\"count\":\"3\"}", "{\"flag\":1}", "{\"flag\":\"true\"}",
                "{\"count\":2.5}", "{\"unknown\":1}"}) {
            assertThatThrownBy(() -> Json.mapper().readValue(body, Sample.class)).as(body).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void writesInstantsAsIsoStrings() throws JsonProcessingException {
        assertThat(Json.mapper().writeValueAsString(Instant.parse("2026-11-24T12:00:00Z"))).isEqualTo("\"2026-11-24T12:00:00Z\"");
    }
}
