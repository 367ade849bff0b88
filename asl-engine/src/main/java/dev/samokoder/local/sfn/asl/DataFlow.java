package dev.samokoder.local.sfn.asl;

import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.paths.PayloadTemplate;

/**
 * The input and output processing fields of a state, applied in the documented order
 * InputPath, Parameters, ResultSelector, ResultPath, OutputPath. A null path means the field was
 * JSON null (discard); an absent field is {@code $}. Null templates are absent templates.
 */
public record DataFlow(JsonPath inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector,
                       JsonPath resultPath, JsonPath outputPath) {
}
