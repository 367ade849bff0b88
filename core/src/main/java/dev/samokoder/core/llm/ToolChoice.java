package dev.samokoder.core.llm;

/** Whether the model must call a tool: AUTO lets it answer in text, REQUIRED makes it call one. */
public enum ToolChoice {
    AUTO,
    REQUIRED
}
