package dev.samokoder.services.runs;

/** A run builds a new app from a description, or changes the project's existing app. */
public enum RunKind {
    NEW_APP,
    CHANGE_REQUEST
}
