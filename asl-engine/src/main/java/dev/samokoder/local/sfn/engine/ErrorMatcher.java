package dev.samokoder.local.sfn.engine;

import java.util.List;

/** Decides whether a retrier's or catcher's ErrorEquals matches an error, with the documented wildcards. */
final class ErrorMatcher {

    private ErrorMatcher() {
    }

    static boolean matches(List<String> errorEquals, String error) {
        if (ErrorNames.RUNTIME.equals(error)) {
            return false;
        }
        for (String candidate : errorEquals) {
            if (candidate.equals(error) || candidate.equals(ErrorNames.ALL)) {
                return true;
            }
            if (candidate.equals(ErrorNames.TASK_FAILED) && !ErrorNames.TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
