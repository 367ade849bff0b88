package dev.samokoder.llm.context;

import dev.samokoder.core.llm.LlmMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEstimateTest {

    @Test
    void asciiText_countsAsOneTokenPerThreeCharacters_roundedUp() {
        assertThat(TokenEstimate.of("")).isZero();
        assertThat(TokenEstimate.of("abc")).isEqualTo(1);
        assertThat(TokenEstimate.of("abcd")).isEqualTo(2);
        assertThat(TokenEstimate.of("x".repeat(3000))).isEqualTo(1000);
    }

    @Test
    void nonAsciiCharacters_countAsATokenEach() {
        // given: four CJK characters and an emoji outside the BMP (one code point, two chars)
        String text = "漢字かな😀";

        // when / then
        assertThat(TokenEstimate.of(text)).isEqualTo(5);
    }

    @Test
    void aConversation_addsRoleMarkupPerMessage() {
        // given
        List<LlmMessage> messages = List.of(LlmMessage.system("abc"), LlmMessage.user("abcdef"));

        // when / then: 3 for the conversation, 4 per message, 1 + 2 for the text
        assertThat(TokenEstimate.of(messages)).isEqualTo(3 + 4 + 1 + 4 + 2);
    }

    @Test
    void theRuleLeansHigh_forEnglishProse() {
        // given: about 4.5 characters per token with real tokenizers
        String prose = "The quick brown fox jumps over the lazy dog. ".repeat(100);

        // when
        long estimate = TokenEstimate.of(prose);

        // then: a tokenizer gives about 1000 tokens for this; the rule must not be below
        assertThat(estimate).isGreaterThanOrEqualTo(1000);
    }
}
