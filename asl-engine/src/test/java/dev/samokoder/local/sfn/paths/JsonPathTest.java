package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void reads_fields_brackets_indexes_and_wildcards() throws Exception {
        // given
        JsonNode doc = json("{\"a\":{\"b c\":[1,{\"d\":2}]},\"list\":[{\"n\":1},{\"n\":2}],\"o\":{\"x\":1,\"y\":2}}");

        // when / then
        assertThat(JsonPath.parse("$.a['b c'][1].d").read(doc)).isEqualTo(json("2"));
        assertThat(JsonPath.parse("$.a[\"b c\"][-2]").read(doc)).isEqualTo(json("1"));
        assertThat(JsonPath.parse("$.list[*].n").read(doc)).isEqualTo(json("[1,2]"));
        assertThat(JsonPath.parse("$.o.*").read(doc)).isEqualTo(json("[1,2]"));
        assertThat(JsonPath.parse("$").read(doc)).isSameAs(doc);
    }

    @Test
    void a_definite_path_that_selects_nothing_is_an_error() {
        // when / then
        assertThatThrownBy(() -> JsonPath.parse("$.a.b").read(json("{\"a\":1}")))
                .isInstanceOf(PathNotFoundException.class).hasMessageContaining("$.a.b");
    }

    @Test
    void only_definite_payload_paths_are_reference_paths() throws Exception {
        // when / then
        assertThat(JsonPath.parse("$.a[0]['b']").isReferencePath()).isTrue();
        assertThat(JsonPath.parse("$.a[*]").isReferencePath()).isFalse();
        assertThat(JsonPath.parse("$$.Execution.Id").isReferencePath()).isFalse();
    }

    @Test
    void unsupported_syntax_is_rejected_with_the_reason() {
        // when / then
        assertThatThrownBy(() -> JsonPath.parse("$.a.length()")).hasMessageContaining("functions");
        assertThatThrownBy(() -> JsonPath.parse("$.a[?(@.b =~ /x/)]")).hasMessageContaining("regular expressions");
        assertThatThrownBy(() -> JsonPath.parse("a.b")).hasMessageContaining("must start with '$'");
    }

    @Test
    void writing_creates_missing_objects_and_leaves_the_original_untouched() throws Exception {
        // given
        JsonNode original = json("{\"keep\":1,\"arr\":[{\"x\":1}]}");

        // when
        JsonNode written = JsonPath.parse("$.a.b").write(original, json("true"));
        JsonNode inArray = JsonPath.parse("$.arr[0].y").write(original, json("2"));

        // then
        assertThat(written).isEqualTo(json("{\"keep\":1,\"arr\":[{\"x\":1}],\"a\":{\"b\":true}}"));
        assertThat(inArray).isEqualTo(json("{\"keep\":1,\"arr\":[{\"x\":1,\"y\":2}]}"));
        assertThat(original).isEqualTo(json("{\"keep\":1,\"arr\":[{\"x\":1}]}"));
    }

    @Test
    void writing_through_a_scalar_fails() {
        // when / then
        assertThatThrownBy(() -> JsonPath.parse("$.keep.b").write(json("{\"keep\":1}"), json("1")))
                .isInstanceOf(ResultPathMismatchException.class);
    }
}
