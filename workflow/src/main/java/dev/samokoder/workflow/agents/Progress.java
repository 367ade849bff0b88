package dev.samokoder.workflow.agents;

import dev.samokoder.services.runs.RunProgress.TaskProgress;
import dev.samokoder.services.runs.RunProgress;

/** Copies of a run's progress with one part changed, so agents never rebuild the whole record by hand. */
final class Progress {

    private Progress() {
    }

    static RunProgress specWritten(RunProgress p, int openQuestions) {
        return new RunProgress(p.mode(), true, openQuestions, p.architectureDone(), p.planDone(), p.taskCount(), p.currentTask(),
                p.task(), p.docsDone(), p.cancelRequested());
    }

    static RunProgress architectureChosen(RunProgress p) {
        return new RunProgress(p.mode(), p.specDone(), p.openQuestions(), true, p.planDone(), p.taskCount(), p.currentTask(),
                p.task(), p.docsDone(), p.cancelRequested());
    }

    static RunProgress planned(RunProgress p, int taskCount) {
        return new RunProgress(p.mode(), p.specDone(), p.openQuestions(), p.architectureDone(), true, taskCount, 0,
                TaskProgress.fresh(), p.docsDone(), p.cancelRequested());
    }

    static RunProgress documented(RunProgress p) {
        return new RunProgress(p.mode(), p.specDone(), p.openQuestions(), p.architectureDone(), p.planDone(), p.taskCount(),
                p.currentTask(), p.task(), true, p.cancelRequested());
    }

    static RunProgress withTask(RunProgress p, TaskProgress task) {
        return new RunProgress(p.mode(), p.specDone(), p.openQuestions(), p.architectureDone(), p.planDone(), p.taskCount(),
                p.currentTask(), task, p.docsDone(), p.cancelRequested());
    }
}
