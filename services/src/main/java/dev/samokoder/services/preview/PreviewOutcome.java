package dev.samokoder.services.preview;

import dev.samokoder.sandbox.ExecutionScript;
import dev.samokoder.sandbox.OutputTail;
import dev.samokoder.sandbox.RunResult;
import java.time.Duration;
import java.util.Optional;

/** How a preview's sandbox run ended, in the preview's words: the same locally and on AWS. */
public final class PreviewOutcome {

    private static final int LOG_CHARS = 16 * 1024;

    private PreviewOutcome() {
    }

    /**
     * The preview's status and message once its run ended: stopped at its maximum (the run's time limit) or by a stop
     * (the run says so), or failed: the command, its step, its exit code or the limit it hit, and its last output.
     */
    public static Preview ended(Preview preview, RunResult result) {
        if (result.limitsHit().time()) {
            return preview.with(Preview.Status.STOPPED, Optional.of("stopped at its maximum of "
                    + Duration.between(preview.createdAt(), preview.expiresAt()).toMinutes() + " minutes; start it again to go on"));
        }
        if (result.stoppedByReaper()) {
            return preview.with(Preview.Status.STOPPED, Optional.of("stopped from outside (the sandbox's reaper, or the platform)"));
        }
        return preview.with(Preview.Status.FAILED, Optional.of(failure(result)));
    }

    static String failure(RunResult result) {
        String stderr = result.stderr().text();
        String what = ExecutionScript.lastStarted(stderr)
                .map(stop -> (stop.label().equals(ExecutionScript.SERVE) ? "the app's start command `" : "`") + stop.command() + "` (step "
                        + stop.number() + " of " + stop.count() + ")")
                .orElse("the preview");
        String how = result.limitsHit().memory() ? " ran out of memory"
                : result.limitsHit().processes() ? " started too many processes"
                : result.limitsHit().output() ? " wrote more output than allowed"
                : " exited with code " + result.exitCode();
        return what + how + ". Its last output:\n" + log(result.stdout(), result.stderr());
    }

    /** What a command wrote, stdout then stderr, its last {@value #LOG_CHARS} characters. */
    public static String log(OutputTail stdout, OutputTail stderr) {
        String out = stdout.text().strip();
        String err = stderr.text().strip();
        String both = out.isEmpty() ? err : err.isEmpty() ? out : out + "\n" + err;
        return both.length() <= LOG_CHARS ? both : both.substring(both.length() - LOG_CHARS);
    }
}
