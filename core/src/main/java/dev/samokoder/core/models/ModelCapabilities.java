package dev.samokoder.core.models;

/**
 * What a model does natively, from the model catalogue ({@code price-table.json}).
 *
 * @param toolCalling      it takes tool definitions and answers with tool calls; without it the
 *                         gateway describes the tools in the prompt and reads the calls from a JSON
 *                         answer (text JSON, the fallback)
 * @param structuredOutput its provider can hold an answer to a JSON Schema (OpenAI's
 *                         {@code response_format: json_schema}); used for a request whose only
 *                         tool is required, so the answer is that tool's arguments
 */
public record ModelCapabilities(boolean toolCalling, boolean structuredOutput) {

    public static final ModelCapabilities TOOLS = new ModelCapabilities(true, false);
}
