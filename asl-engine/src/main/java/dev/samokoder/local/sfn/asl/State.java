package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.paths.PayloadTemplate;

import java.util.List;

/** The eight state types of the Amazon States Language. A null {@code next} on a non-terminal type means End. */
public sealed interface State {

    String name();

    String type();

    record Pass(String name, String next, DataFlow dataFlow, JsonNode result) implements State {
        @Override
        public String type() {
            return "Pass";
        }
    }

    record Task(String name, String next, DataFlow dataFlow, String resource, TaskTimeouts timeouts,
                ErrorHandling errorHandling) implements State {
        @Override
        public String type() {
            return "Task";
        }
    }

    record Choice(String name, DataFlow dataFlow, List<ChoiceRule.Branch> choices, String defaultNext) implements State {
        @Override
        public String type() {
            return "Choice";
        }
    }

    record Wait(String name, String next, DataFlow dataFlow, WaitDuration duration) implements State {
        @Override
        public String type() {
            return "Wait";
        }
    }

    record Succeed(String name, DataFlow dataFlow) implements State {
        @Override
        public String type() {
            return "Succeed";
        }
    }

    /** Error and cause are each either a literal or a dynamic value (ErrorPath / CausePath); either may be null. */
    record Fail(String name, String error, String cause, PayloadTemplate errorPath, PayloadTemplate causePath) implements State {

        /** The field under which a compiled ErrorPath / CausePath template yields its value. */
        public static final String DYNAMIC_VALUE_KEY = "value";

        @Override
        public String type() {
            return "Fail";
        }
    }

    record Parallel(String name, String next, DataFlow dataFlow, List<StateGraph> branches,
                    ErrorHandling errorHandling) implements State {
        @Override
        public String type() {
            return "Parallel";
        }
    }

    /** An inline Map; {@code maxConcurrency} 0 means no limit. */
    record Map(String name, String next, DataFlow dataFlow, JsonPath itemsPath, PayloadTemplate itemSelector,
               int maxConcurrency, JsonPath maxConcurrencyPath, StateGraph processor,
               ErrorHandling errorHandling) implements State {
        @Override
        public String type() {
            return "Map";
        }
    }
}
