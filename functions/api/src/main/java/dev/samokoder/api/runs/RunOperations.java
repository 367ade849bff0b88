package dev.samokoder.api.runs;

import dev.samokoder.api.http.ApiException;
import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.api.http.QueryParameters;
import dev.samokoder.api.projects.OwnedProject;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.validation.ValidationException;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunEvent;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunService;
import dev.samokoder.services.runs.artifacts.Execution;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.Question;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /v1/projects/{projectId}/runs} and {@code /v1/runs/{runId}/…}: start, watch, answer, cancel, resume. */
public final class RunOperations {

    static final int MAX_REQUEST = 20_000;
    static final int MAX_ANSWER = 4_000;
    static final int MAX_EVENTS = 200;

    /** {@code kind} defaults to a new app for a project without files, else a change request. */
    record StartRun(String request, String kind, String mode) {
        StartRun {
            Checks.of().required("request", request)
                    .text("request", request == null ? null : request.strip(), 1, MAX_REQUEST, true)
                    .that(kind == null || parseKind(kind).isPresent(), "kind", "must be \"new-app\" or \"change-request\"")
                    .that(mode == null || parseMode(mode).isPresent(), "mode", "must be \"interactive\" or \"autonomous\"")
                    .done();
        }
    }

    record Answer(String answer) {
        Answer {
            Checks.of().required("answer", answer).text("answer", answer == null ? null : answer.strip(), 1, MAX_ANSWER, true).done();
        }
    }

    record RunList(List<RunView> items, String nextCursor) {
    }

    record EventView(long seq, String type, String message, Map<String, String> data, Instant at) {
        static EventView of(RunEvent event) {
            return new EventView(event.seq(), event.type(), event.message(), event.data(), event.at());
        }
    }

    /** {@code next} is the cursor for the following poll: the last sequence number seen. */
    record EventList(List<EventView> items, long next) {
    }

    record QuestionView(int id, String text, String answer, Instant askedAt, Instant answeredAt) {
        static QuestionView of(Question question) {
            return new QuestionView(question.number(), question.text(), question.answer().orElse(null), question.askedAt(),
                    question.answeredAt().orElse(null));
        }
    }

    record QuestionList(List<QuestionView> items) {
    }

    /** One task of the plan; {@code status} is planned, done or failed. */
    record TaskView(int number, String epic, String title, String description, List<String> acceptanceTests, String status,
                    boolean current) {
        static TaskView of(RunService.PlanTask planned) {
            PlannedTask task = planned.task();
            return new TaskView(task.number(), task.epic(), task.title(), task.description(), task.acceptanceTests(),
                    task.status().name().toLowerCase(Locale.ROOT), planned.current());
        }
    }

    record TaskList(List<TaskView> items) {
    }

    /** One judged execution; {@code failure} is none, tests or command, {@code output} the capped tail. */
    record ExecutionView(int number, boolean passed, List<String> failedCommand, String failure, int exitCode, boolean timedOut,
                         long durationMillis, String output, int filesChanged, Instant at) {
        static ExecutionView of(Execution execution) {
            return new ExecutionView(execution.number(), execution.passed(), execution.failedCommand(),
                    execution.failure().toLowerCase(Locale.ROOT), execution.exitCode(), execution.timedOut(),
                    execution.durationMillis(), execution.output(), execution.filesChanged(), execution.at());
        }
    }

    record ExecutionList(List<ExecutionView> items) {
    }

    private final RunService runs;

    public RunOperations(RunService runs) {
        this.runs = runs;
    }

    public ApiResponse start(ApiRequest request) {
        String projectId = OwnedProject.id(request);
        StartRun body = request.body(StartRun.class);
        RunKind kind = body.kind() == null ? RunKind.NEW_APP : parseKind(body.kind()).orElseThrow();
        Run run = runs.start(request.userId(), projectId, kind, body.request().strip(),
                body.mode() == null ? Optional.empty() : parseMode(body.mode()));
        return ApiResponse.json(201, RunView.of(run, null)).withHeader("Location", "/v1/runs/" + run.id());
    }

    public ApiResponse list(ApiRequest request) {
        String projectId = OwnedProject.id(request);
        int limit = QueryParameters.limit(request.query("limit"));
        Page<Run> page = runs.list(request.userId(), projectId, limit, request.query("cursor").filter(c -> !c.isEmpty()));
        return ApiResponse.json(200, new RunList(page.items().stream().map(run -> RunView.of(run, null)).toList(),
                page.nextCursor().orElse(null)));
    }

    public ApiResponse get(ApiRequest request) {
        return ApiResponse.json(200, RunView.of(runs.get(request.userId(), runId(request))));
    }

    public ApiResponse events(ApiRequest request) {
        String runId = runId(request);
        long after = after(request.query("after"));
        int limit = QueryParameters.limit(request.query("limit"), 100, MAX_EVENTS);
        List<RunEvent> events = runs.events(request.userId(), runId, after, limit);
        long next = events.isEmpty() ? after : events.getLast().seq();
        return ApiResponse.json(200, new EventList(events.stream().map(EventView::of).toList(), next));
    }

    public ApiResponse questions(ApiRequest request) {
        return ApiResponse.json(200, new QuestionList(runs.questions(request.userId(), runId(request)).stream()
                .map(QuestionView::of).toList()));
    }

    public ApiResponse tasks(ApiRequest request) {
        return ApiResponse.json(200, new TaskList(runs.plan(request.userId(), runId(request)).stream().map(TaskView::of).toList()));
    }

    public ApiResponse executions(ApiRequest request) {
        String runId = runId(request);
        int task = taskNumber(request);
        return ApiResponse.json(200, new ExecutionList(runs.executions(request.userId(), runId, task).stream()
                .map(ExecutionView::of).toList()));
    }

    public ApiResponse answer(ApiRequest request) {
        String runId = runId(request);
        int number = questionId(request);
        Answer body = request.body(Answer.class);
        return ApiResponse.json(200, QuestionView.of(runs.answer(request.userId(), runId, number, body.answer().strip())));
    }

    public ApiResponse cancel(ApiRequest request) {
        return ApiResponse.json(202, RunView.of(runs.cancel(request.userId(), runId(request)), null));
    }

    public ApiResponse resume(ApiRequest request) {
        return ApiResponse.json(202, RunView.of(runs.resume(request.userId(), runId(request)), null));
    }

    /** A malformed run id names no run: 404, like a missing or foreign one. */
    private static String runId(ApiRequest request) {
        String runId = request.pathParameter("runId");
        if (!Ids.isValid(Run.ID_PREFIX, runId)) {
            throw ApiException.notFound("no run " + (runId.length() > 40 ? runId.substring(0, 40) + "…" : runId));
        }
        return runId;
    }

    private static int questionId(ApiRequest request) {
        String raw = request.pathParameter("questionId");
        try {
            int number = Integer.parseInt(raw);
            if (number >= 1 && number <= 99) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // a 404 below
        }
        throw ApiException.notFound("no question " + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw));
    }

    /** A task number outside the plan, or not a number, names no task: 404. */
    private static int taskNumber(ApiRequest request) {
        String raw = request.pathParameter("task");
        try {
            int number = Integer.parseInt(raw);
            if (number >= 1 && number <= RunService.MAX_PLAN_TASKS) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // a 404 below
        }
        throw ApiException.notFound("no task " + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw));
    }

    private static long after(Optional<String> raw) {
        if (raw.isEmpty() || raw.get().isEmpty()) {
            return 0;
        }
        try {
            long after = Long.parseLong(raw.get());
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ValidationException.of("after", "must be the sequence number of the last event you saw (0 or more)");
    }

    private static Optional<RunKind> parseKind(String value) {
        return switch (value) {
            case "new-app" -> Optional.of(RunKind.NEW_APP);
            case "change-request" -> Optional.of(RunKind.CHANGE_REQUEST);
            default -> Optional.empty();
        };
    }

    private static Optional<AutonomyMode> parseMode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "interactive" -> Optional.of(AutonomyMode.INTERACTIVE);
            case "autonomous" -> Optional.of(AutonomyMode.AUTONOMOUS);
            default -> Optional.empty();
        };
    }
}
