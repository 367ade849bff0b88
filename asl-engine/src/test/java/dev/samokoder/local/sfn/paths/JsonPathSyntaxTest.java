package dev.samokoder.local.sfn.paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every path the parser refuses names the path and says why; the limits hold. */
class JsonPathSyntaxTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            $.a[?(@.b =~ /x/)]            | regular expressions (=~) are not supported
            $.a[?(@.b in ['x'])]          | the filter operator 'in' is not supported
            $.a[?(@.b size 2)]            | the filter operator 'size' is not supported
            $.a[?(@.price < $.max)]       | not to '$'
            $.a[?(@.b = 1)]               | use '==' to compare
            $.a[?(@.b == 1]               | expected ')'
            $.a[?(@.b == 1)               | expected ']' but the path ends
            $.a[?()]                      | unexpected ')'
            $.a[?(@.b == 1 &&)]           | unexpected ')'
            $.a[?(@ > 1)]                 | '@' must be followed by a member
            $.a[?(@.b == abc)]            | 'abc' is not a value: quote strings
            $.a[?(@.length() > 1)]        | functions such as length() are not supported
            $.a[?(@..b)]                  | no '..' or '*'
            $.a[?(@.b[*])]                | only .name, ['name'] and [index]
            $.a[?(!@.b)]                  | '!' is not supported
            $.a[?(1)]                     | expected a comparison such as @.price < 10
            $.a[?(@.b == 1e999)]          | too large a number
            $.a[?(@.b == 'x)]             | unterminated string
            $.a[?@.b]                     | expected '('
            $.a.length()                  | functions such as 'length()' are not supported
            $.a[1:2:0]                    | a slice step may not be 0
            $.a[1:2:3:4]                  | is not supported: a bracket holds an index
            $.a[(@.length-1)]             | is not supported: a bracket holds an index
            $.a[]                         | is not supported: a bracket holds an index
            $.a[1 2]                      | is not supported: a bracket holds an index
            $.a['x',1]                    | quoted names only
            $.a['x'                       | expected ']' but the path ends
            $.a['x                        | unterminated string
            $..                           | '..' must be followed by a member name
            $...a                         | '..' must be followed by a member name
            $.a[99999999999]              | is not an index
            $.a[                          | unterminated '['
            a.b                           | must start with '$'
            """)
    void a_malformed_path_is_refused_with_the_path_and_the_reason(String path, String reason) {
        // when / then
        assertThatThrownBy(() -> JsonPath.parse(path))
                .isInstanceOf(JsonPathSyntaxException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining(path);
    }

    @Test
    void a_filter_error_points_at_its_position() {
        // when / then
        assertThatThrownBy(() -> JsonPath.parse("$.a[?(@.b = 1)]"))
                .hasMessage("Invalid JSONPath '$.a[?(@.b = 1)]' at position 10: use '==' to compare");
    }

    @Test
    void filter_parentheses_nest_only_to_the_limit() {
        // given: the filter's own parentheses count as the first level
        String deepest = "$.a[?(" + "(".repeat(JsonPathLimits.MAX_FILTER_DEPTH - 1) + "@.b"
                + ")".repeat(JsonPathLimits.MAX_FILTER_DEPTH - 1) + ")]";
        String tooDeep = "$.a[?(" + "(".repeat(JsonPathLimits.MAX_FILTER_DEPTH) + "@.b"
                + ")".repeat(JsonPathLimits.MAX_FILTER_DEPTH) + ")]";

        // when / then
        assertThatCode(() -> JsonPath.parse(deepest)).doesNotThrowAnyException();
        assertThatThrownBy(() -> JsonPath.parse(tooDeep))
                .hasMessageContaining("nest deeper than " + JsonPathLimits.MAX_FILTER_DEPTH + " levels");
    }

    @Test
    void a_path_longer_than_the_limit_is_refused_before_it_is_parsed() {
        // given
        String longest = "$." + "a".repeat(JsonPathLimits.MAX_PATH_LENGTH - 2);
        String tooLong = longest + "b";

        // when / then
        assertThatCode(() -> JsonPath.parse(longest)).doesNotThrowAnyException();
        assertThatThrownBy(() -> JsonPath.parse(tooLong))
                .hasMessageContaining("is " + (JsonPathLimits.MAX_PATH_LENGTH + 1) + " characters long; at most "
                        + JsonPathLimits.MAX_PATH_LENGTH + " are allowed");
    }

    @Test
    void whitespace_is_allowed_around_filter_operators_and_inside_brackets() throws Exception {
        // when
        JsonPath path = JsonPath.parse("$.a[ ?( ( @.b >= 1 )  &&  @['c'] ) ][ 0 , 1 ]['x' , 'y']");

        // then
        assertThat(path.segments()).hasSize(4);
    }
}
