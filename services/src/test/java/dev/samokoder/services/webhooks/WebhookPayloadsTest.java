package dev.samokoder.services.webhooks;

import dev.samokoder.core.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPayloadsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void generic_takesTheRequestField() {
        assertThat(WebhookPayloads.request(WebhookSource.GENERIC, bytes("{\"request\":\"  Add search \"}"), Optional.empty()))
                .contains("Add search");
    }

    @Test
    void generic_withoutARequestIsInvalid() {
        for (String body : new String[] {"{}", "{\"request\":42}", "{\"request\":\"  \"}", "[]", "not json"}) {
            assertThatThrownBy(() -> WebhookPayloads.request(WebhookSource.GENERIC, bytes(body), Optional.empty()))
                    .as(body).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void generic_overTheLimitIsInvalid() {
        String request = "a".repeat(WebhookPayloads.MAX_REQUEST + 1);
        assertThatThrownBy(() -> WebhookPayloads.request(WebhookSource.GENERIC, bytes("{\"request\":\"" + request + "\"}"), Optional.empty()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void gitHub_anOpenedIssueBecomesTheRequest() {
        String issue = "{\"action\":\"opened\",\"issue\":{\"number\":7,\"title\":\"Dark mode\",\"body\":\"Please.\","
                + "\"html_url\":\"https://github.com/ada/todo/issues/7\"}}";

        assertThat(WebhookPayloads.request(WebhookSource.GITHUB, bytes(issue), Optional.of("issues")))
                .contains("GitHub issue #7: Dark mode\n\nPlease.\n\nhttps://github.com/ada/todo/issues/7");
    }

    @Test
    void gitHub_otherEventsAndActionsStartNothing() {
        assertThat(WebhookPayloads.request(WebhookSource.GITHUB, bytes("{\"zen\":\"x\"}"), Optional.of("ping"))).isEmpty();
        assertThat(WebhookPayloads.request(WebhookSource.GITHUB, bytes("{\"action\":\"closed\",\"issue\":{\"title\":\"x\"}}"),
                Optional.of("issues"))).isEmpty();
        assertThat(WebhookPayloads.request(WebhookSource.GITHUB, bytes("{\"action\":\"opened\"}"), Optional.empty())).isEmpty();
    }
}
