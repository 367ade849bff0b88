package dev.samokoder.workflow.loop;

/** What the loop itself tells a model, in one place: written for the model that reads it. */
final class Messages {

    static final String ANSWER_WITH_TOOLS = "This step works only through tool calls: your text was not acted on. "
            + "Call the tools you need; when you are done, call submit with your answer.";

    private Messages() {
    }

    static String cutOffBeforeAnyCall(int maxOutputTokens) {
        return "Your answer reached the output limit of " + maxOutputTokens + " tokens and was cut off before it called a tool, "
                + "so nothing was done. Work in smaller pieces: one tool call at a time, and a long file in parts "
                + "(write_file with the first part, then append_to_file with the rest).";
    }

    static String cutOffCall(String tool, int maxOutputTokens) {
        return "not run: your answer reached the output limit of " + maxOutputTokens + " tokens while writing the arguments of this "
                + tool + " call, so they were cut off. The calls before it ran. Send the rest in smaller calls: a long file in parts "
                + "(write_file with the first part, then append_to_file with each further part, each well under the limit).";
    }
}
