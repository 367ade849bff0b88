package dev.samokoder.local.sfn.tasks;

/** What an in-process handler learns about its invocation, mirroring the Lambda context it runs with on AWS. */
public record FunctionContext(String functionName, String awsRequestId) {
}
