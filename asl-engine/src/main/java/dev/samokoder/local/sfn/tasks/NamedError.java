package dev.samokoder.local.sfn.tasks;

/**
 * Implemented by an exception thrown from an in-process handler to choose the error name the state sees,
 * the way a Lambda function chooses its {@code errorType}. Without it the exception's fully qualified class name is used, as on AWS.
 */
public interface NamedError {

    String errorName();
}
