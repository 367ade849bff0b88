package dev.samokoder.local.sfn.tasks;

import java.util.Optional;

/**
 * A Task's Resource ARN, classified: the optimized Lambda integration, a plain Lambda function ARN,
 * ECS RunTask, another service integration, or an activity; plus the integration pattern suffix.
 */
public record TaskResource(String arn, Kind kind, Pattern pattern, String target) {

    public enum Kind { LAMBDA_INVOKE, LAMBDA_FUNCTION, ECS_RUN_TASK, SERVICE, ACTIVITY }

    public enum Pattern {
        REQUEST_RESPONSE(""), SYNC(".sync"), WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

        private final String suffix;

        Pattern(String suffix) {
            this.suffix = suffix;
        }
    }

    /** Empty when the text is not an ARN this engine can classify. */
    public static Optional<TaskResource> parse(String arn) {
        String[] parts = arn.split(":", 7);
        if (parts.length < 7 || !parts[0].equals("arn") || parts[6].isEmpty()) {
            return Optional.empty();
        }
        String service = parts[2];
        if (service.equals("lambda") && parts[5].equals("function")) {
            String name = parts[6].split(":")[0];
            return Optional.of(new TaskResource(arn, Kind.LAMBDA_FUNCTION, Pattern.REQUEST_RESPONSE, name));
        }
        if (!service.equals("states")) {
            return Optional.empty();
        }
        if (parts[5].equals("activity")) {
            return Optional.of(new TaskResource(arn, Kind.ACTIVITY, Pattern.WAIT_FOR_TASK_TOKEN, parts[6]));
        }
        String action = parts[6];
        Pattern pattern = Pattern.REQUEST_RESPONSE;
        if (action.endsWith(Pattern.WAIT_FOR_TASK_TOKEN.suffix)) {
            pattern = Pattern.WAIT_FOR_TASK_TOKEN;
            action = action.substring(0, action.length() - Pattern.WAIT_FOR_TASK_TOKEN.suffix.length());
        } else if (action.matches(".*\\.sync(:\\d+)?$")) {
            pattern = Pattern.SYNC;
            action = action.substring(0, action.lastIndexOf(".sync"));
        }
        String serviceAction = parts[5] + ":" + action;
        Kind kind = switch (serviceAction) {
            case "lambda:invoke" -> Kind.LAMBDA_INVOKE;
            case "ecs:runTask" -> Kind.ECS_RUN_TASK;
            default -> Kind.SERVICE;
        };
        return Optional.of(new TaskResource(arn, kind, pattern, serviceAction));
    }

    /** The value of resourceType in task history events, e.g. "lambda" or "ecs". */
    public String resourceType() {
        return kind == Kind.LAMBDA_FUNCTION ? "lambda" : target.split(":")[0];
    }

    /** The value of resource in task history events, e.g. "invoke.waitForTaskToken". */
    public String resourceName() {
        if (kind == Kind.LAMBDA_FUNCTION || kind == Kind.ACTIVITY) {
            return arn;
        }
        return target.substring(target.indexOf(':') + 1) + pattern.suffix;
    }
}
