package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slices, unions and deep scans, read as Jayway JsonPath (which AWS uses) reads them. */
class JsonPathSelectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = """
            {"n": [1, 2, 3, 4, 5],
             "o": {"x": 1, "y": 2, "z": 3},
             "list": [{"a": 1, "b": 2, "c": 3}, {"a": 4, "c": 6}],
             "shop": {"price": 1, "items": [{"price": 2, "sub": {"price": 3}}, {"name": "no price"}]}}""";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode read(String path) throws Exception {
        return JsonPath.parse(path).read(json(DOCUMENT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $.n[1:3]      | [2,3]
            $.n[-2:]      | [4,5]
            $.n[:2]       | [1,2]
            $.n[::2]      | [1,3,5]
            $.n[1::2]     | [2,4]
            $.n[:-1]      | [1,2,3,4]
            $.n[-3:-1]    | [3,4]
            $.n[::-1]     | [5,4,3,2,1]
            $.n[3:0:-2]   | [4,2]
            $.n[:]        | [1,2,3,4,5]
            $.n[ 1 : 3 ]  | [2,3]
            $.n[10:]      | []
            $.n[-10:2]    | [1,2]
            $.n[3:1]      | []
            $.o[0:2]      | []
            $.list[*].a   | [1,4]
            """)
    void a_slice_selects_array_elements_by_python_rules(String path, String expected) throws Exception {
        // when / then
        assertThat(read(path)).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $.n[0,2]             | [1,3]
            $.n[0, -1, 9]        | [1,5]
            $.n[1,1]             | [2,2]
            $.o['x','z']         | {"x":1,"z":3}
            $.o["y", 'x']        | {"y":2,"x":1}
            $.o['x','missing']   | {"x":1}
            $.o['p','q']         | {}
            $.list[*]['a','b']   | [{"a":1,"b":2},{"a":4}]
            $['o','list'].x      | [1]
            """)
    void a_union_selects_each_listed_index_or_member(String path, String expected) throws Exception {
        // when / then
        assertThat(read(path)).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $..price                   | [1,2,3]
            $.shop..price              | [1,2,3]
            $.shop.items..price        | [2,3]
            $..sub.price               | [3]
            $..[0]                     | [1,{"a":1,"b":2,"c":3},{"price":2,"sub":{"price":3}}]
            $..[?(@.price > 1)]        | [{"price":2,"sub":{"price":3}},{"price":3}]
            $..['a','c']               | [{"a":1,"c":3},{"a":4,"c":6}]
            $.list..*                  | [{"a":1,"b":2,"c":3},{"a":4,"c":6},1,2,3,4,6]
            $..nothing                 | []
            """)
    void a_deep_scan_applies_the_next_step_to_every_node_below_in_document_order(String path, String expected) throws Exception {
        // when / then
        assertThat(read(path)).isEqualTo(json(expected));
    }

    @Test
    void only_fields_and_indexes_identify_a_single_node() throws Exception {
        // when / then
        assertThat(JsonPath.parse("$.a[0]['b'][-1]").identifiesSingleNode()).isTrue();
        for (String path : new String[] {"$.a[*]", "$.a.*", "$..a", "$.a[1:2]", "$.a[0,1]", "$.a['x','y']", "$.a[?(@.b)]"}) {
            assertThat(JsonPath.parse(path).identifiesSingleNode()).as(path).isFalse();
            assertThat(JsonPath.parse(path).isReferencePath()).as(path).isFalse();
        }
    }

    @Test
    void a_path_closed_by_a_union_of_names_is_definite_but_not_a_reference_path() throws Exception {
        // when
        JsonPath merge = JsonPath.parse("$.o['x','y']");
        JsonPath iteration = JsonPath.parse("$['o','list'].x");

        // then
        assertThat(merge.isDefinite()).isTrue();
        assertThat(merge.identifiesSingleNode()).isFalse();
        assertThat(iteration.isDefinite()).isFalse();
        assertThatThrownBy(() -> JsonPath.parse("$.missing['x','y']").read(json(DOCUMENT)))
                .isInstanceOf(PathNotFoundException.class).hasMessageContaining("$.missing['x','y']");
    }

    @Test
    void an_indefinite_path_that_matches_nothing_yields_an_empty_array() throws Exception {
        // when / then
        assertThat(read("$.missing[1:3]")).isEqualTo(json("[]"));
        assertThat(read("$.o[0,1]")).isEqualTo(json("[]"));
        assertThat(read("$.n[?(@.a)]")).isEqualTo(json("[]"));
    }

    @Test
    void a_read_that_selects_more_than_the_limit_fails_instead_of_exhausting_memory() throws Exception {
        // given: unions of ten copies on six nested levels select 10^6 nodes at the last level alone
        JsonNode nested = json("[[[[[[1]]]]]]");
        String tenCopies = "[0,0,0,0,0,0,0,0,0,0]";
        JsonPath broad = JsonPath.parse("$" + tenCopies.repeat(6));
        JsonPath justUnder = JsonPath.parse("$" + tenCopies.repeat(5));

        // when / then
        assertThat(justUnder.read(nested)).hasSize(100_000);
        assertThatThrownBy(() -> broad.read(nested)).isInstanceOf(PathTooBroadException.class)
                .hasMessageContaining("selects more than " + JsonPathLimits.MAX_SELECTED_NODES + " nodes");
    }
}
