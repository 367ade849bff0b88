package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Arguments an intrinsic function refuses at run time. Each refusal is an IntrinsicFailureException naming the
 * function; the state turns it into States.Runtime, which is how AWS reports intrinsic function errors
 * (conformance case intrinsic-19).
 */
class IntrinsicEvaluatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT = """
            {"text": "abc", "number": 7, "decimal": 1.5, "array": [1, 2], "object": {"a": 1}, "big": "%s"}"""
            .formatted("x".repeat(10_001));

    private static JsonNode evaluate(String expression) throws Exception {
        return IntrinsicEvaluator.evaluate(IntrinsicParser.parse(expression), JSON.readTree(INPUT), JSON.createObjectNode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            States.Format('{} and {}', $.text)                  | States.Format
            States.Format('{}', $.text, $.number)               | States.Format
            States.Format($.number)                             | States.Format
            States.StringToJson($.number)                       | States.StringToJson
            States.StringToJson('not json')                     | States.StringToJson
            States.ArrayPartition($.text, 2)                    | States.ArrayPartition
            States.ArrayPartition($.array, 0)                   | States.ArrayPartition
            States.ArrayPartition($.array, $.decimal)           | States.ArrayPartition
            States.ArrayContains($.object, 1)                   | States.ArrayContains
            States.ArrayRange(1, 10, 0)                         | States.ArrayRange
            States.ArrayRange(1, 1001, 1)                       | States.ArrayRange
            States.ArrayRange($.text, 3, 1)                     | States.ArrayRange
            States.ArrayGetItem($.array, 2)                     | States.ArrayGetItem
            States.ArrayGetItem($.array, -1)                    | States.ArrayGetItem
            States.ArrayLength($.object)                        | States.ArrayLength
            States.ArrayUnique($.text)                          | States.ArrayUnique
            States.Base64Encode($.number)                       | States.Base64Encode
            States.Base64Encode($.big)                          | States.Base64Encode
            States.Base64Decode('***')                          | States.Base64Decode
            States.Hash($.text, 'SHA-3')                        | States.Hash
            States.Hash($.number, 'SHA-1')                      | States.Hash
            States.JsonMerge($.object, $.array, false)          | States.JsonMerge
            States.JsonMerge($.object, $.object, true)          | States.JsonMerge
            States.MathRandom(5, 5)                             | States.MathRandom
            States.MathRandom($.decimal, 9)                     | States.MathRandom
            States.MathAdd($.number, $.decimal)                 | States.MathAdd
            States.MathAdd($.text, 1)                           | States.MathAdd
            States.StringSplit($.number, ',')                   | States.StringSplit
            States.ArrayLength($.missing)                       | $.missing
            """)
    void refuses_arguments_it_cannot_use(String expression, String named) {
        // when / then
        assertThatThrownBy(() -> evaluate(expression))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining(named);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            States.ArrayRange(1, 1000, 1)                       | 1000
            States.ArrayGetItem($.array, 1)                     | 2
            States.MathAdd($.number, -8)                        | -1
            States.ArrayLength(States.ArrayPartition($.array, 1)) | 2
            """)
    void accepts_the_limits_aws_documents(String expression, String expected) throws Exception {
        // when
        JsonNode result = evaluate(expression);

        // then
        assertThat(result.isArray() ? String.valueOf(result.size()) : result.asText()).isEqualTo(expected);
    }
}
