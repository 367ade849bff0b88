package dev.samokoder.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The AwsSolutions pack finds no error that is not suppressed with a reason (Nag). */
class NagTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod with previews"})
    void noUnsuppressedErrors(String stage) {
        SynthesizedStage synthesized = stage.endsWith("with previews")
                ? SynthesizedStage.of(new StageConfig(stage.split(" ")[0], List.of(), "", "", "preview.example.com",
                        "arn:aws:acm:eu-central-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"))
                : SynthesizedStage.of(stage);
        for (Stack stack : List.of(synthesized.stacks.data(), synthesized.stacks.app())) {
            List<SynthesisMessage> errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            assertThat(errors).as("cdk-nag errors in %s", stack.getStackName())
                    .extracting(m -> m.getId() + ": " + m.getEntry().getData())
                    .isEmpty();
        }
    }
}
