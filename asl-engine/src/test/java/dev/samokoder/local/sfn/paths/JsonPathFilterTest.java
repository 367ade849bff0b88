package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters [?( ... )]: comparisons, member tests, && / || and parentheses, nested members. */
class JsonPathFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEMS = """
            {"items": [
              {"id": 1, "price": 5,    "name": "pen",  "tags": {"color": "red"},  "stock": true},
              {"id": 2, "price": 12.5, "name": "book", "isbn": "x-1",             "stock": false},
              {"id": 3, "price": 30,   "name": "lamp", "tags": {"color": "blue"}, "isbn": null, "sizes": [7, 9]},
              {"id": 4,                "name": "it's"}
            ]}""";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode ids(String filter) throws Exception {
        return JsonPath.parse("$.items[?(" + filter + ")].id").read(json(ITEMS));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @.price < 10                          | [1]
            @.price <= 12.5                       | [1,2]
            @.price > 12.5                        | [3]
            @.price >= 12.5                       | [2,3]
            @.price == 30                         | [3]
            @.price == 30.0                       | [3]
            @.price == 3e1                        | [3]
            @.price != 5                          | [2,3,4]
            @.price > -1                          | [1,2,3]
            10 > @.price                          | [1]
            @.name == 'book'                      | [2]
            @.name == "book"                      | [2]
            @.name == 'it\\'s'                    | [4]
            @.name < 'c'                          | [2]
            @.stock == true                       | [1]
            @.stock == false                      | [2]
            @.isbn == null                        | [3]
            @.tags.color == 'blue'                | [3]
            @['tags']['color'] == 'red'           | [1]
            @.sizes[1] == 9                       | [3]
            @.sizes[-1] > 8                       | [3]
            @.price == @.id                       | []
            """)
    void a_comparison_keeps_the_items_it_holds_for(String filter, String expected) throws Exception {
        // when / then
        assertThat(ids(filter)).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            @.isbn                                        ; [2,3]
            @.tags.color                                  ; [1,3]
            @.missing                                     ; []
            @.price < 10 || @.name == 'it\\'s'            ; [1,4]
            @.price > 1 && @.isbn                         ; [2,3]
            (@.price < 10 || @.price > 20) && @.tags      ; [1,3]
            @.id == 1 || @.id == 2 && @.price > 100       ; [1]
            (@.id == 1 || @.id == 2) && @.price > 10      ; [2]
            ((@.id == 4))                                 ; [4]
            @.id==1||@.id==3                              ; [1,3]
            """)
    void member_tests_combine_with_and_or_and_parentheses(String filter, String expected) throws Exception {
        // when / then
        assertThat(ids(filter)).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @.name > 1                 | []
            @.price == '5'             | []
            @.stock < true             | []
            @.missing == null          | []
            @.missing != null          | [1,2,3,4]
            """)
    void values_of_different_types_never_compare_equal_or_ordered(String filter, String expected) throws Exception {
        // when / then
        assertThat(ids(filter)).isEqualTo(json(expected));
    }

    @Test
    void a_filter_on_an_object_tests_the_object_itself_and_on_a_scalar_selects_nothing() throws Exception {
        // given
        JsonNode doc = json(ITEMS);

        // when / then
        assertThat(JsonPath.parse("$.items[0][?(@.price == 5)]").read(doc)).isEqualTo(json("[" + doc.at("/items/0") + "]"));
        assertThat(JsonPath.parse("$.items[0][?(@.price == 6)]").read(doc)).isEqualTo(json("[]"));
        assertThat(JsonPath.parse("$.items[0].id[?(@.x)]").read(doc)).isEqualTo(json("[]"));
    }

    @Test
    void a_filter_yields_whole_items_and_later_steps_apply_to_each() throws Exception {
        // when
        JsonNode cheap = JsonPath.parse("$.items[?(@.price < 10)]").read(json(ITEMS));
        JsonNode colors = JsonPath.parse("$.items[?(@.tags)].tags.color").read(json(ITEMS));

        // then
        assertThat(cheap).isEqualTo(json("[" + json(ITEMS).at("/items/0") + "]"));
        assertThat(colors).isEqualTo(json("[\"red\",\"blue\"]"));
    }

    @Test
    void brackets_and_operators_inside_quoted_strings_are_text() throws Exception {
        // given
        JsonNode doc = json("{\"l\": [{\"s\": \"a] && (b\"}, {\"s\": \"c\"}]}");

        // when / then
        assertThat(JsonPath.parse("$.l[?(@.s == 'a] && (b')].s").read(doc)).isEqualTo(json("[\"a] && (b\"]"));
    }
}
