package dev.samokoder.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * The three Step Functions calls the runs API makes, recorded instead of sent: the API's sample
 * events check what the handler answers, not the workflow (infra-local's tests run the real
 * state machine behind the same routes, over HTTP).
 */
final class StepFunctionsRecorder implements SfnClient {

    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> resumed = new CopyOnWriteArrayList<>();
    final List<String> failed = new CopyOnWriteArrayList<>();

    @Override
    public StartExecutionResponse startExecution(StartExecutionRequest request) {
        started.add(request.name());
        return StartExecutionResponse.builder()
                .executionArn(request.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + request.name()).build();
    }

    @Override
    public SendTaskSuccessResponse sendTaskSuccess(SendTaskSuccessRequest request) {
        resumed.add(request.taskToken());
        return SendTaskSuccessResponse.builder().build();
    }

    @Override
    public SendTaskFailureResponse sendTaskFailure(SendTaskFailureRequest request) {
        failed.add(request.taskToken());
        return SendTaskFailureResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "states";
    }

    @Override
    public void close() {
    }
}
