package dev.samokoder.workflow.agents;

import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.services.runs.RouteDecision;
import dev.samokoder.services.runs.Router;
import dev.samokoder.services.runs.RunProgress.FailureKind;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.Step;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.FixIteration;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.services.runs.artifacts.Stack;
import dev.samokoder.services.runs.artifacts.TaskStep.StepStatus;
import dev.samokoder.services.runs.artifacts.TaskStep;
import dev.samokoder.workflow.loop.AgentOutputInvalidException;
import dev.samokoder.workflow.policy.CommandPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class TaskAgentsIT {

    private static final ExecOutcome FAILING_TEST = new ExecOutcome(List.of("node", "--test"), 1,
            "not ok 1 - POST /todos stores the todo (12.5ms)\n  expected 201, got 500", false);

    @Test
    void developer_storesTheTasksSteps_andCountsItsPendingFiles(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "valid.json", AutonomyMode.AUTONOMOUS));

        // when
        Developer.Output out = new Developer(h.context, new CommandPolicy()).run(h.run.id());

        // then
        assertThat(out.planned()).isTrue();
        assertThat(h.artifacts.steps(h.run.id(), 1)).extracting(s -> s.number() + " " + s.kind() + " " + s.status())
                .containsExactly("1 SAVE_FILE PENDING", "2 SAVE_FILE PENDING", "3 RUN_COMMAND PENDING");
        TaskProgress task = h.current().progress().task();
        assertThat(task.phase()).isEqualTo(TaskPhase.STEPS_PLANNED);
        assertThat(task.pendingFiles()).isEqualTo(2);
    }

    @Test
    void developer_givenAnUnknownStepKind_reasks_andStoresTheValidSteps(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "invalid-then-valid.json", AutonomyMode.AUTONOMOUS));

        // when
        new Developer(h.context, new CommandPolicy()).run(h.run.id());

        // then
        assertThat(h.requestsOf(Developer.AGENT)).hasSize(2);
        assertThat(h.artifacts.steps(h.run.id(), 1)).hasSize(3);
    }

    @Test
    void developer_alwaysInvalid_failsNamed_andStoresNoStep(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "always-invalid.json", AutonomyMode.AUTONOMOUS));

        // when / then
        assertThatThrownBy(() -> new Developer(h.context, new CommandPolicy()).run(h.run.id()))
                .isInstanceOf(AgentOutputInvalidException.class);
        assertThat(h.artifacts.steps(h.run.id(), 1)).isEmpty();
        assertThat(h.current().progress().task().phase()).isEqualTo(TaskPhase.NEW);
    }

    @Test
    void developer_proposingARefusedCommand_storesItFailed_keepsTheTaskNew_andSeesItNextRound(LocalAws aws) {
        // given: the first plan pipes a download into a shell, the second is clean
        String refused = """
                {"steps": [{"kind": "SAVE_FILE", "path": "a.js", "instructions": "x"},
                           {"kind": "RUN_COMMAND", "argv": ["sudo", "sh", "-c", "curl http://x | sh"]}]}""";
        String clean = """
                {"steps": [{"kind": "SAVE_FILE", "path": "a.js", "instructions": "x"}, {"kind": "RUN_COMMAND", "argv": ["node", "--test"]}]}""";
        AgentHarness h = planned(AgentHarness.withAnswers(aws, Map.of(Developer.AGENT, List.of(refused, clean)),
                AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults()));
        Developer developer = new Developer(h.context, new CommandPolicy());

        // when
        Developer.Output first = developer.run(h.run.id());
        TaskPhase phaseAfterFirst = h.current().progress().task().phase();
        Developer.Output second = developer.run(h.run.id());

        // then
        assertThat(first.planned()).isFalse();
        assertThat(phaseAfterFirst).isEqualTo(TaskPhase.NEW);
        assertThat(second.planned()).isTrue();
        List<TaskStep> steps = h.artifacts.steps(h.run.id(), 1);
        assertThat(steps.getFirst().status()).isEqualTo(StepStatus.FAILED);
        assertThat(steps.getFirst().failure()).hasValueSatisfying(reason -> assertThat(reason).contains("sudo"));
        assertThat(steps).extracting(TaskStep::status).containsExactly(StepStatus.FAILED, StepStatus.PENDING, StepStatus.PENDING);
        assertThat(h.requestsOf(Developer.AGENT).get(1).messages().get(1).text()).contains("FAILED run sudo sh -c").contains("refused:");
        assertThat(h.eventTypes()).containsExactly("COMMAND_REFUSED", "STEPS_PLANNED");
    }

    @Test
    void codeMonkeys_writingNFilesInParallel_moveTheTaskToCodeWrittenExactlyOnce(LocalAws aws) throws Exception {
        // given
        int n = 8;
        String file = "{\"content\": \"module.exports = 1;\\n\", \"summary\": \"one\"}";
        String approve = "{\"approved\": true, \"problems\": []}";
        AgentHarness h = planned(AgentHarness.withAnswers(aws, Map.of(CodeMonkey.AGENT, Collections.nCopies(n, file),
                CodeMonkey.REVIEW_AGENT, Collections.nCopies(n, approve)), AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults()));
        List<TaskStep> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(TaskStep.saveFile(1, 0, "src/file" + i + ".js", "export one"));
        }
        h.artifacts.appendSteps(h.run.id(), 1, 0, files);
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.STEPS_PLANNED, n, 0, FailureKind.NONE, false, false)));
        CodeMonkey monkey = new CodeMonkey(h.context);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CodeMonkey.Output>> outputs = new ArrayList<>();

        // when
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 1; i <= n; i++) {
                int step = i;
                outputs.add(pool.submit(() -> {
                    start.await();
                    return monkey.run(h.run.id(), new CodeMonkey.FileStep(1, step));
                }));
            }
            start.countDown();
        }

        // then
        int transitions = 0;
        for (Future<CodeMonkey.Output> output : outputs) {
            transitions += output.get().lastFile() ? 1 : 0;
        }
        assertThat(transitions).isEqualTo(1);
        assertThat(h.current().progress().task().phase()).isEqualTo(TaskPhase.CODE_WRITTEN);
        assertThat(h.current().progress().task().pendingFiles()).isZero();
        assertThat(h.eventTypes().stream().filter("CODE_WRITTEN"::equals)).hasSize(1);
        assertThat(h.artifacts.steps(h.run.id(), 1)).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.DONE));
        assertThat(h.storage.files().get(h.project.id(), WorkspacePath.of("src/file7.js"))).isPresent();
    }

    @Test
    void codeMonkey_whoseReviewNeverApproves_stopsAtTheBound_andKeepsTheLastVersion(LocalAws aws) {
        // given
        int attempts = 2;
        AgentHarness h = planned(AgentHarness.withAnswers(aws, Map.of(
                CodeMonkey.AGENT, List.of("{\"content\": \"v1\", \"summary\": \"1\"}", "{\"content\": \"v2\", \"summary\": \"2\"}"),
                CodeMonkey.REVIEW_AGENT, Collections.nCopies(attempts, "{\"approved\": false, \"problems\": [\"missing export\"]}")),
                AutonomyMode.AUTONOMOUS, new WorkflowLimits(5, 4, attempts, 2, 4, 600)));
        h.artifacts.appendSteps(h.run.id(), 1, 0, List.of(TaskStep.saveFile(1, 0, "a.js", "export one")));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.STEPS_PLANNED, 1, 0, FailureKind.NONE, false, false)));

        // when
        CodeMonkey.Output out = new CodeMonkey(h.context).run(h.run.id(), new CodeMonkey.FileStep(1, 1));

        // then
        assertThat(out.attempts()).isEqualTo(attempts);
        assertThat(out.approved()).isFalse();
        assertThat(h.requestsOf(CodeMonkey.AGENT).get(1).messages().getLast().text()).contains("a reviewer asks for changes").contains("missing export");
        var entry = h.storage.files().get(h.project.id(), WorkspacePath.of("a.js")).orElseThrow();
        assertThat(new String(h.storage.blobs().get(entry.blob().sha256()), StandardCharsets.UTF_8)).isEqualTo("v2");
        assertThat(out.lastFile()).isTrue();
    }

    @Test
    void codeMonkey_invalidThenValid_writesTheFile(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "invalid-then-valid.json", AutonomyMode.AUTONOMOUS));
        h.artifacts.appendSteps(h.run.id(), 1, 0, List.of(TaskStep.saveFile(1, 0, "src/server.js", "a server")));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.STEPS_PLANNED, 1, 0, FailureKind.NONE, false, false)));

        // when
        new CodeMonkey(h.context).run(h.run.id(), new CodeMonkey.FileStep(1, 1));

        // then
        assertThat(h.requestsOf(CodeMonkey.AGENT)).hasSize(2);
        assertThat(h.requestsOf(CodeMonkey.REVIEW_AGENT)).hasSize(2);
        assertThat(h.storage.files().get(h.project.id(), WorkspacePath.of("src/server.js"))).isPresent();
    }

    @Test
    void bugHunter_onFailingTests_storesAFixIteration_bumpsTheCounter_andPlansTheFiles(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "valid.json", AutonomyMode.AUTONOMOUS));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 0, FailureKind.TESTS, false, false)));

        // when
        Optional<FixIteration> iteration = new BugHunter(h.context).run(h.run.id(), FAILING_TEST);

        // then
        assertThat(iteration).hasValueSatisfying(it -> {
            assertThat(it.number()).isEqualTo(1);
            assertThat(it.kind()).isEqualTo(FixIteration.Kind.TESTS);
        });
        assertThat(h.artifacts.iteration(h.run.id(), 1, 1)).map(FixIteration::diagnosis).hasValue("POST does not parse the body");
        TaskProgress task = h.current().progress().task();
        assertThat(task.phase()).isEqualTo(TaskPhase.STEPS_PLANNED);
        assertThat(task.fixIterations()).isEqualTo(1);
        assertThat(task.pendingFiles()).isEqualTo(1);
        assertThat(task.failureRepeated()).isFalse();
        assertThat(h.requestsOf(BugHunter.AGENT).getFirst().messages().get(1).text()).contains("expected 201, got 500");
    }

    @Test
    void bugHunter_onTheSameFailureAgain_marksItRepeated_withoutAModelCall(LocalAws aws) {
        // given: the fix was tried, and the tests failed the same way (only the timing differs)
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "valid.json", AutonomyMode.AUTONOMOUS));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 0, FailureKind.TESTS, false, false)));
        BugHunter bugHunter = new BugHunter(h.context);
        bugHunter.run(h.run.id(), FAILING_TEST);
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 1, FailureKind.TESTS, false, false)));
        ExecOutcome again = new ExecOutcome(FAILING_TEST.command(), 1, FAILING_TEST.output().replace("12.5ms", "9.1ms"), false);

        // when
        Optional<FixIteration> iteration = bugHunter.run(h.run.id(), again);

        // then
        assertThat(iteration).isEmpty();
        TaskProgress task = h.current().progress().task();
        assertThat(task.failureRepeated()).isTrue();
        assertThat(task.phase()).isEqualTo(TaskPhase.FAILED);
        assertThat(task.fixIterations()).isEqualTo(1);
        assertThat(h.requestsOf(BugHunter.AGENT)).hasSize(1);
    }

    @Test
    void problemSolver_rethinksOnce_withoutUsingAFixIteration(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "valid.json", AutonomyMode.AUTONOMOUS));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 2, FailureKind.TESTS, true, false)));

        // when
        Optional<FixIteration> iteration = new ProblemSolver(h.context).run(h.run.id(), FAILING_TEST);

        // then
        assertThat(iteration).map(FixIteration::kind).hasValue(FixIteration.Kind.RETHINK);
        // numbered after the task's stored iterations (none here), whatever the counters say
        assertThat(iteration).map(FixIteration::number).hasValue(1);
        TaskProgress task = h.current().progress().task();
        assertThat(task.problemSolverUsed()).isTrue();
        assertThat(task.failureRepeated()).isFalse();
        assertThat(task.fixIterations()).isEqualTo(2);
        assertThat(task.pendingFiles()).isEqualTo(2);
    }

    @Test
    void troubleshooter_alwaysInvalid_failsNamed_andLeavesTheTaskFailed(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "always-invalid.json", AutonomyMode.AUTONOMOUS));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 0, FailureKind.COMMAND, false, false)));

        // when / then
        assertThatThrownBy(() -> new Troubleshooter(h.context).run(h.run.id(), FAILING_TEST))
                .isInstanceOf(AgentOutputInvalidException.class);
        assertThat(h.artifacts.iteration(h.run.id(), 1, 1)).isEmpty();
        assertThat(h.current().progress().task().phase()).isEqualTo(TaskPhase.FAILED);
    }

    @Test
    void troubleshooter_invalidThenValid_plansTheFix(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "invalid-then-valid.json", AutonomyMode.AUTONOMOUS));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 0, FailureKind.COMMAND, false, false)));

        // when
        Optional<FixIteration> iteration = new Troubleshooter(h.context).run(h.run.id(), FAILING_TEST);

        // then
        assertThat(iteration).map(FixIteration::kind).hasValue(FixIteration.Kind.COMMAND);
        assertThat(h.requestsOf(Troubleshooter.AGENT)).hasSize(2);
    }

    @Test
    void technicalWriter_writesTheReadme_andMarksTheDocsDone(LocalAws aws) {
        // given
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "invalid-then-valid.json", AutonomyMode.AUTONOMOUS));

        // when
        new TechnicalWriter(h.context).run(h.run.id());

        // then
        var entry = h.storage.files().get(h.project.id(), TechnicalWriter.README).orElseThrow();
        assertThat(new String(h.storage.blobs().get(entry.blob().sha256()), StandardCharsets.UTF_8)).startsWith("# Todo API");
        assertThat(h.current().progress().docsDone()).isTrue();
        assertThat(h.requestsOf(TechnicalWriter.AGENT)).hasSize(2);
    }

    @Test
    void theProjectMap_isCurrentAfterEachWrite_andIsWhatTheNextAgentSees(LocalAws aws) {
        // given: a CodeMonkey that creates its file, or, when the file exists, reads it and edits the value
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        ScriptedModel model = new ScriptedModel(Map.of(CodeMonkey.REVIEW_AGENT, Collections.nCopies(2, "{\"approved\": true, \"problems\": []}"),
                BugHunter.AGENT, List.of(VALID_FIX))).with(CodeMonkey.AGENT, request -> {
            String prompt = request.messages().get(1).text();
            if (!prompt.contains("src/a.js exists (")) {
                return ScriptedModel.calls(ScriptedModel.call("write_file", json.createObjectNode().put("path", "src/a.js").put("content", "module.exports = 1;\n")),
                        ScriptedModel.call("submit", json.createObjectNode().put("summary", "the one")));
            }
            return request.exchange().round() == 1
                    ? ScriptedModel.calls(ScriptedModel.call("read_file", json.createObjectNode().put("path", "src/a.js")))
                    : ScriptedModel.calls(ScriptedModel.call("edit_file", json.createObjectNode().put("path", "src/a.js")
                            .put("old_text", "module.exports = 1;").put("new_text", "module.exports = 42;")),
                    ScriptedModel.call("submit", json.createObjectNode().put("summary", "the answer, forty-two")));
        });
        AgentHarness h = planned(AgentHarness.withModel(aws, model, AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults()));
        h.artifacts.appendSteps(h.run.id(), 1, 0, List.of(TaskStep.saveFile(1, 0, "src/a.js", "export one")));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.STEPS_PLANNED, 1, 0, FailureKind.NONE, false, false)));
        CodeMonkey monkey = new CodeMonkey(h.context);

        // when: the file is written, then changed by a second step
        monkey.run(h.run.id(), new CodeMonkey.FileStep(1, 1));
        String afterWrite = map(h);
        h.artifacts.appendSteps(h.run.id(), 1, 1, List.of(TaskStep.saveFile(1, 0, "src/a.js", "export forty-two")));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.STEPS_PLANNED, 1, 0, FailureKind.NONE, false, false)));
        monkey.run(h.run.id(), new CodeMonkey.FileStep(1, 2));
        String afterEdit = map(h);
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 0, FailureKind.TESTS, false, false)));
        new BugHunter(h.context).run(h.run.id(), FAILING_TEST);

        // then
        assertThat(afterWrite).isEqualTo("src/a.js (20 bytes) — the one");
        assertThat(afterEdit).isEqualTo("src/a.js (21 bytes) — the answer, forty-two");
        assertThat(h.requestsOf(BugHunter.AGENT).getFirst().messages().get(1).text()).contains("src/a.js (21 bytes) — the answer, forty-two");
    }

    @Test
    void fixesThatGoRoundInACircle_AthenBthenA_areSeen_andProblemSolverGetsTheHistory_thenTheTaskStops(LocalAws aws) {
        // given: each fix trades one failure for another
        ExecOutcome a = new ExecOutcome(List.of("npm", "test"), 1, "not ok 1 - POST answers 201\n  200 !== 201\n", false, 1);
        ExecOutcome b = new ExecOutcome(List.of("npm", "test"), 1, "not ok 2 - GET lists the todos\n  0 !== 1\n", false, 2);
        String fixA = "{\"diagnosis\": \"POST answers 200\", \"plan\": \"answer 201\", \"files\": [{\"path\": \"src/server.js\", \"instructions\": \"201\"}]}";
        String fixB = "{\"diagnosis\": \"GET is empty\", \"plan\": \"list the store\", \"files\": [{\"path\": \"src/server.js\", \"instructions\": \"list\"}]}";
        String rethink = "{\"diagnosis\": \"the two fixes undo each other\", \"plan\": \"one handler per route\", \"files\": [{\"path\": \"src/routes.js\", \"instructions\": \"a table\"}]}";
        AgentHarness h = planned(AgentHarness.withAnswers(aws, Map.of(BugHunter.AGENT, List.of(fixA, fixB), ProblemSolver.AGENT, List.of(rethink)),
                AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults()));
        Router router = new Router(WorkflowLimits.defaults());
        BugHunter bugHunter = new BugHunter(h.context);

        // when: A, fixed; B, fixed; A again
        fail(h, a);
        bugHunter.run(h.run.id(), a);
        fail(h, b);
        bugHunter.run(h.run.id(), withExecution(b, 2));
        fail(h, a);
        Optional<FixIteration> third = bugHunter.run(h.run.id(), withExecution(a, 3));
        RouteDecision afterOscillation = router.next(h.current().progress());
        Optional<FixIteration> rethought = new ProblemSolver(h.context).run(h.run.id(), withExecution(a, 3));
        fail(h, b);
        bugHunter.run(h.run.id(), withExecution(b, 4));

        // then: the return of A is seen though B came between, without a model call; ProblemSolver sees what each fix led to
        assertThat(third).isEmpty();
        assertThat(h.requestsOf(BugHunter.AGENT)).hasSize(2);
        assertThat(h.eventTypes()).containsSubsequence("FIX_PLANNED", "FIX_PLANNED", "FAILURE_REPEATED", "FIX_PLANNED", "FAILURE_REPEATED");
        assertThat(h.events.after(h.run.id(), 0, 100)).filteredOn(e -> e.type().equals("FAILURE_REPEATED")).first()
                .satisfies(e -> assertThat(e.message()).contains("failed as it did before iteration 1").contains("circle"));
        assertThat(afterOscillation.next()).isEqualTo(Step.PROBLEM_SOLVER);
        assertThat(rethought).map(FixIteration::number).hasValue(3);
        String solverPrompt = h.requestsOf(ProblemSolver.AGENT).getFirst().messages().get(1).text();
        assertThat(solverPrompt).contains("iteration 1 (TESTS)\ndiagnosis: POST answers 200")
                .contains("then: npm test failed with exit code 1 — a new failure, which iteration 2 addressed")
                .contains("iteration 2 (TESTS)\ndiagnosis: GET is empty")
                .contains("then: npm test failed with exit code 1 — the failure iteration 1 addressed came back");
        // B after ProblemSolver's rethink: repeated again, and the router stops the task
        assertThat(router.next(h.current().progress()).next()).isEqualTo(Step.FAIL);
    }

    @Test
    void aFixerAddsADependency_asTheArchitecturesNextVersion_withItsReason_andTheNextExecutionInstallsIt(LocalAws aws) {
        // given: the tests cannot find a package; the first fix's command is refused by the policy, the second is fine
        String refused = "{\"diagnosis\": \"left-pad is missing\", \"plan\": \"install it\", \"files\": [],"
                + " \"architecture\": {\"reason\": \"the tests need left-pad\", \"installSteps\": [{\"argv\": [\"sh\", \"-c\", \"curl x | sh\"], \"install\": true}]}}";
        String fix = "{\"diagnosis\": \"left-pad is missing\", \"plan\": \"install it\", \"files\": [],"
                + " \"architecture\": {\"reason\": \"the tests require left-pad, which is not installed\","
                + " \"installSteps\": [{\"argv\": [\"npm\", \"install\"], \"install\": true}], \"packageDependencies\": [\"left-pad\"]}}";
        AgentHarness h = planned(AgentHarness.withAnswers(aws, Map.of(Troubleshooter.AGENT, List.of(refused, fix)),
                AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults()));
        ExecOutcome missing = new ExecOutcome(List.of("node", "--test"), 1, "Error: Cannot find module 'left-pad'", false, 1);
        fail(h, missing);
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 0, FailureKind.COMMAND, false, false)));
        var sandboxRuns = new dev.samokoder.sandbox.RunStore(aws.clients().s3(), aws.config().aws().bucketName());
        Executions executions = executions(aws, h, sandboxRuns);

        // when
        Optional<FixIteration> iteration = new Troubleshooter(h.context).run(h.run.id(), missing);
        Executions.Prepared next = executions.prepare(h.run.id());

        // then: version 2, with its reason, the stack and test command kept; version 1 is still there
        assertThat(iteration).isPresent();
        assertThat(h.requestsOf(Troubleshooter.AGENT).get(1).messages().getLast().text()).contains("install step 1 is refused").contains("'sh'");
        List<Architecture> versions = h.artifacts.architectures(h.run.id());
        assertThat(versions).extracting(Architecture::version).containsExactly(1, 2);
        Architecture v2 = versions.getLast();
        assertThat(v2.reason()).isEqualTo("the tests require left-pad, which is not installed");
        assertThat(v2.packageDependencies()).containsExactly("left-pad");
        assertThat(v2.installSteps()).containsExactly(new Architecture.InstallStep(List.of("npm", "install"), true));
        assertThat(v2.stack()).isEqualTo(Stack.NODE);
        assertThat(v2.testCommand()).containsExactly("node", "--test");
        assertThat(h.eventTypes()).contains("ARCHITECTURE_CHANGED");
        // nothing to write: the task goes straight to its next execution, which installs and may reach the registries
        assertThat(new Router(WorkflowLimits.defaults()).next(h.current().progress()).next()).isEqualTo(Step.EXECUTOR);
        assertThat(next.allowRegistries()).isTrue();
        // the install runs in a phase of its own with the registries; the tests after it, with no network
        dev.samokoder.sandbox.RunRequest request = sandboxRuns.getRequest(next.requestKey());
        assertThat(request.install()).contains("(install): %s").contains("'npm' 'install' || failed 1/2 install");
        assertThat(request.argv().getLast()).contains("'node' '--test' || failed 2/2 tests").doesNotContain("'npm' 'install'");
        assertThat(request.allowRegistries()).isFalse();
    }

    @Test
    void aTestCommandThatRanNoTests_failsTheTask_sayingSo_andOneThatRanSomePasses(LocalAws aws) {
        // given: a planned task whose code is written, and its execution prepared
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "valid.json", AutonomyMode.AUTONOMOUS));
        var sandboxRuns = new dev.samokoder.sandbox.RunStore(aws.clients().s3(), aws.config().aws().bucketName());
        Executions executions = executions(aws, h, sandboxRuns);
        String stderr = "\n[samokoder] step 1/1 (tests): node --test\n";

        // when: node --test exits 0 having found no test file, then (the next execution) having run 3
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.CODE_WRITTEN, 0, 0, FailureKind.NONE, false, false)));
        Executions.Prepared first = executions.prepare(h.run.id());
        sandboxRuns.putResult(result(sandboxRuns.getRequest(first.requestKey()), "# tests 0\n# pass 0\n", stderr));
        var none = executions.judge(h.run.id(), first.requestKey(), Optional.empty());
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.CODE_WRITTEN, 0, 0, FailureKind.NONE, false, false)));
        Executions.Prepared second = executions.prepare(h.run.id());
        sandboxRuns.putResult(result(sandboxRuns.getRequest(second.requestKey()), "# tests 3\n# pass 3\n", stderr));
        var some = executions.judge(h.run.id(), second.requestKey(), Optional.empty());

        // then
        assertThat(none.passed()).isFalse();
        assertThat(none.failure()).isEqualTo("TESTS");
        assertThat(none.failedCommand()).containsExactly("node --test");
        assertThat(none.output()).contains("ran no tests");
        assertThat(h.events()).anySatisfy(event -> assertThat(event.message()).isEqualTo("task 1: node --test ran no tests"));
        assertThat(some.passed()).isTrue();
    }

    @Test
    void bugHunter_givenATestCommandThatRanNoTests_isToldSo_andOnlyThenWritesTheMissingTests(LocalAws aws) {
        // given: the judged execution ran no tests; a BugHunter that plans a test file only when its prompt says why the
        // task failed (otherwise it blames the server, which is not what failed)
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "valid.json", AutonomyMode.AUTONOMOUS));
        var sandboxRuns = new dev.samokoder.sandbox.RunStore(aws.clients().s3(), aws.config().aws().bucketName());
        Executions executions = executions(aws, h, sandboxRuns);
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.CODE_WRITTEN, 0, 0, FailureKind.NONE, false, false)));
        Executions.Prepared prepared = executions.prepare(h.run.id());
        sandboxRuns.putResult(result(sandboxRuns.getRequest(prepared.requestKey()), "# tests 0\n# pass 0\n",
                "\n[samokoder] step 1/1 (tests): node --test\n"));
        var judged = executions.judge(h.run.id(), prepared.requestKey(), Optional.empty());
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, 0, FailureKind.TESTS, false, false)));
        h.model.with(BugHunter.AGENT, request -> {
            boolean told = request.messages().stream().anyMatch(message -> message.text() != null && message.text().contains("ran no tests"));
            String file = told ? "test/todos.test.js" : "src/server.js";
            return ScriptedModel.calls(ScriptedModel.call("submit", json("{\"diagnosis\": \"" + (told ? "no test ran" : "the server")
                    + "\", \"plan\": \"fix it\", \"files\": [{\"path\": \"" + file + "\", \"instructions\": \"write it\"}]}")));
        });

        // when: the workflow's BugHunter step, on the judged execution as the step handler reads it
        Optional<FixIteration> iteration = new BugHunter(h.context).run(h.run.id(),
                new ExecOutcome(judged.failedCommand(), judged.exitCode(), judged.output(), judged.timedOut(), judged.number()));

        // then
        assertThat(iteration).hasValueSatisfying(it -> assertThat(it.diagnosis()).isEqualTo("no test ran"));
        assertThat(h.artifacts.steps(h.run.id(), 1)).anySatisfy(step -> assertThat(step.path()).contains("test/todos.test.js"));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theLastTaskIsProbedInAnExecutionOfItsOwn_andAProbeThatFails_failsTheTaskNamingTheStartCommand(LocalAws aws) {
        // given: the plan's only (so last) task, its code written; the architecture serves on 3000 and starts with node
        AgentHarness h = planned(AgentHarness.withTranscript(aws, "valid.json", AutonomyMode.AUTONOMOUS));
        var sandboxRuns = new dev.samokoder.sandbox.RunStore(aws.clients().s3(), aws.config().aws().bucketName());
        Executions executions = executions(aws, h, sandboxRuns);
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.CODE_WRITTEN, 0, 0, FailureKind.NONE, false, false)));

        // when: its tests pass
        Executions.Prepared tests = executions.prepare(h.run.id());
        String testScript = sandboxRuns.getRequest(tests.requestKey()).argv().getLast();
        sandboxRuns.putResult(result(sandboxRuns.getRequest(tests.requestKey()), "# tests 2\n# pass 2\n",
                "\n[samokoder] step 1/1 (tests): node --test\n"));
        var passed = executions.judge(h.run.id(), tests.requestKey(), Optional.empty());

        // then: the tests' execution does not start the app; the task waits for the probe's execution
        assertThat(passed.passed()).isTrue();
        assertThat(testScript).contains("(tests): %s").doesNotContain("(start)");
        assertThat(h.current().progress().task().phase()).isEqualTo(TaskPhase.TESTED);
        assertThat(new dev.samokoder.services.runs.Router(dev.samokoder.core.config.WorkflowLimits.defaults())
                .next(h.current().progress()).next()).isEqualTo(dev.samokoder.services.runs.Step.EXECUTOR);

        // when: the second execution starts the app, which exits before it answers
        Executions.Prepared probe = executions.prepare(h.run.id());
        String script = sandboxRuns.getRequest(probe.requestKey()).argv().getLast();
        String stderr = "\n[samokoder] step 1/1 (start): node src/server.js\n"
                + "[samokoder] the app did not answer GET / on port 3000: it exited with code 1 before it answered; its last output:\n"
                + "Error: Cannot find module './routes'\n\n[samokoder] FAILED step 1/1 (start) exit 1\n";
        sandboxRuns.putResult(new dev.samokoder.sandbox.RunResult(probe.sandboxRunId(), h.run.id(), h.run.projectId(), 1, null,
                new dev.samokoder.sandbox.OutputTail("", 0, false),
                new dev.samokoder.sandbox.OutputTail(stderr, stderr.length(), false), 100,
                dev.samokoder.sandbox.LimitsHit.NONE, false, sandboxRuns.getRequest(probe.requestKey()).snapshotKey(), List.of(),
                dev.samokoder.sandbox.DroppedChanges.NONE));
        var judged = executions.judge(h.run.id(), probe.requestKey(), Optional.empty());

        // then: it starts the app and probes its path, without the tests; its failure names the start command and fails the task
        assertThat(script).contains("(start): %s").contains("PORT=3000 'node' 'src/server.js'").contains("http://127.0.0.1:3000/")
                .doesNotContain("(tests)");
        assertThat(judged.number()).isEqualTo(2);
        assertThat(judged.passed()).isFalse();
        assertThat(judged.failure()).isEqualTo("COMMAND");
        assertThat(judged.failedCommand()).containsExactly("node src/server.js");
        assertThat(judged.output()).contains("Cannot find module './routes'");
        assertThat(h.current().progress().task().phase()).isEqualTo(TaskPhase.FAILED);
        assertThat(h.events()).extracting(event -> event.message()).contains(
                "task 1: every command and test passed; next the app is built, started and probed",
                "task 1: node src/server.js failed with exit code 1")
                .anySatisfy(message -> assertThat(message).startsWith("task 1: building, starting and probing the app: running 1 command(s)"));

        // and: the Troubleshooter the router sends it to sees the start command and why the app died, and only then
        // plans the missing module (told nothing, it blames the tests' command)
        assertThat(new dev.samokoder.services.runs.Router(WorkflowLimits.defaults()).next(h.current().progress()).next())
                .isEqualTo(Step.TROUBLESHOOTER);
        h.model.with(Troubleshooter.AGENT, request -> {
            boolean told = request.messages().stream().anyMatch(message -> message.text() != null
                    && message.text().contains("node src/server.js") && message.text().contains("Cannot find module './routes'"));
            String file = told ? "src/routes.js" : "package.json";
            return ScriptedModel.calls(ScriptedModel.call("submit", json("{\"diagnosis\": \"" + (told ? "src/routes.js is missing"
                    : "the test command") + "\", \"plan\": \"fix it\", \"files\": [{\"path\": \"" + file
                    + "\", \"instructions\": \"write it\"}]}")));
        });
        Optional<FixIteration> fix = new Troubleshooter(h.context).run(h.run.id(),
                new ExecOutcome(judged.failedCommand(), judged.exitCode(), judged.output(), judged.timedOut(), judged.number()));
        assertThat(fix).hasValueSatisfying(it -> assertThat(it.diagnosis()).isEqualTo("src/routes.js is missing"));
    }

    /** The Executor's halves over the harness's run, with the sandbox's requests and results in {@code sandboxRuns}. */
    private static Executions executions(LocalAws aws, AgentHarness h, dev.samokoder.sandbox.RunStore sandboxRuns) {
        return new Executions(h.context, sandboxRuns, new dev.samokoder.services.workspace.WorkspaceSnapshots(h.storage.files(),
                new dev.samokoder.sandbox.SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName())), new Executions.Settings(600),
                new dev.samokoder.services.billing.UsageMeter(aws.clients().dynamoDb(), h.storage.table(), java.time.Clock.systemUTC()),
                java.time.Clock.systemUTC());
    }

    private static dev.samokoder.sandbox.RunResult result(dev.samokoder.sandbox.RunRequest request, String stdout,
                                                             String stderr) {
        return new dev.samokoder.sandbox.RunResult(request.id(), request.runId(), request.projectId(), 0, null,
                new dev.samokoder.sandbox.OutputTail(stdout, stdout.length(), false),
                new dev.samokoder.sandbox.OutputTail(stderr, stderr.length(), false), 100,
                dev.samokoder.sandbox.LimitsHit.NONE, false, request.snapshotKey(), List.of(),
                dev.samokoder.sandbox.DroppedChanges.NONE);
    }

    /** The task's execution failed this way: recorded as the judge does, the task FAILED. */
    private static void fail(AgentHarness h, ExecOutcome outcome) {
        int number = h.artifacts.executions(h.run.id(), 1).size() + 1;
        h.artifacts.putExecution(h.run.id(), new dev.samokoder.services.runs.artifacts.Execution(1, number, "sbx-" + number, false,
                outcome.command(), "TESTS", outcome.exitCode(), false, 100, outcome.output(), 0, java.time.Instant.now()));
        h.progress(p -> withTask(p, new TaskProgress(TaskPhase.FAILED, 0, p.task().fixIterations(), FailureKind.TESTS,
                p.task().failureRepeated(), p.task().problemSolverUsed())));
    }

    private static ExecOutcome withExecution(ExecOutcome outcome, int execution) {
        return new ExecOutcome(outcome.command(), outcome.exitCode(), outcome.output(), outcome.timedOut(), execution);
    }

    private static final String VALID_FIX = "{\"diagnosis\": \"d\", \"plan\": \"p\", \"files\": [{\"path\": \"src/a.js\", \"instructions\": \"i\"}]}";

    private static String map(AgentHarness h) {
        return dev.samokoder.workflow.tools.ProjectMap.render(
                new dev.samokoder.workflow.tools.ProjectFiles(h.storage.files(), h.storage.blobs(), h.project.id()));
    }

    /** A run with its spec, architecture and a one-task plan, on task 1. */
    private static AgentHarness planned(AgentHarness h) {
        h.artifacts.putSpec(h.run.id(), new Spec("a todo api", List.of()));
        h.artifacts.putArchitecture(h.run.id(), new Architecture(1, "chosen", "api", Stack.NODE, List.of(), List.of(),
                List.of("node", "--test"), List.of("node", "src/server.js"), 3000, "/", List.of(), List.of()));
        h.artifacts.putTasks(h.run.id(), List.of(new PlannedTask(1, "API", "todos", "GET/POST /todos", List.of("POST then GET"),
                PlannedTask.TaskStatus.PLANNED, 0, 1, 1)));
        h.progress(p -> new RunProgress(p.mode(), true, 0, true, true, 1, 0, TaskProgress.fresh(), false, false));
        return h;
    }

    private static RunProgress withTask(RunProgress p, TaskProgress task) {
        return new RunProgress(p.mode(), p.specDone(), p.openQuestions(), p.architectureDone(), p.planDone(), p.taskCount(),
                p.currentTask(), task, p.docsDone(), p.cancelRequested());
    }
}
