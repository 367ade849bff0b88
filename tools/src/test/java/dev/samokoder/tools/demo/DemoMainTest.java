package dev.samokoder.tools.demo;

import dev.samokoder.local.model.DemoModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What scripts/demo asks for is what the recorded transcripts answer. */
class DemoMainTest {

    @Test
    void theChangeRequest_isTheOneTheScriptedDemoModelAnswers() {
        // the demo model (infra-local's tests) knows the change by its text; DemoTranscriptIT records it with DemoMain's
        assertThat(DemoMain.DUE_DATES).isEqualTo(DemoModel.DUE_DATES);
    }
}
