package dev.samokoder.api.runs;

import dev.samokoder.core.ledger.AgentCost;
import dev.samokoder.core.ledger.RunCost;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.RunService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A run as the API shows it: never the task token or the execution's internals. */
public record RunView(String id, String projectId, String kind, String status, String mode, String request,
                      Step currentStep, Progress progress, Cost cost, String failure, Instant createdAt, Instant updatedAt) {

    /** What the run is doing now, and why the router chose it. */
    public record Step(String step, String reason) {
    }

    /**
     * @param currentTask the task being worked on, from 1 (0 before the plan)
     * @param phase where the current task stands: new, steps-planned, code-written, passed, failed
     */
    public record Progress(boolean specDone, int openQuestions, boolean architectureDone, boolean planDone, int taskCount,
                           int currentTask, int tasksDone, String phase, int fixIterations, boolean docsDone,
                           boolean cancelRequested) {
    }

    /** @param summary one line for the run's summary; it says so when the answers were replayed from a recorded transcript */
    public record Cost(BigDecimal totalUsd, long calls, boolean replayed, String summary, List<AgentLine> byAgent) {
    }

    public record AgentLine(String agent, BigDecimal costUsd, long calls, long promptTokens, long completionTokens) {
    }

    public static RunView of(RunService.RunDetails details) {
        return of(details.run(), details.cost());
    }

    public static RunView of(Run run, RunCost cost) {
        RunProgress p = run.progress();
        boolean working = p.planDone() && p.currentTask() < p.taskCount();
        Progress progress = new Progress(p.specDone(), p.openQuestions(), p.architectureDone(), p.planDone(), p.taskCount(),
                working ? p.currentTask() + 1 : 0, p.currentTask(), working ? name(p.task().phase().name()) : null,
                working ? p.task().fixIterations() : 0, p.docsDone(), p.cancelRequested());
        Cost costView = cost == null ? null : new Cost(cost.totalUsd(), cost.calls(), cost.replayed(), cost.summary(), cost.byAgent().values().stream()
                .sorted(Comparator.comparing(AgentCost::costUsd).reversed().thenComparing(AgentCost::agent))
                .map(a -> new AgentLine(a.agent(), a.costUsd(), a.calls(), a.promptTokens(), a.completionTokens()))
                .toList());
        return new RunView(run.id(), run.projectId(), name(run.kind().name()), name(run.status().name()), name(p.mode().name()),
                run.request(), run.lastStep().map(d -> new Step(name(d.next().name()), d.reason())).orElse(null), progress, costView,
                run.failure().orElse(null), run.createdAt(), run.updatedAt());
    }

    private static String name(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
