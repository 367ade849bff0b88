package dev.samokoder.sandbox;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TailBufferTest {

    private static void write(TailBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.append(bytes, 0, bytes.length);
    }

    @Test
    void shortOutputIsKeptWhole() {
        // given
        TailBuffer buffer = new TailBuffer(16);

        // when
        write(buffer, "hello ");
        write(buffer, "world");

        // then
        assertThat(buffer.tail()).isEqualTo(new OutputTail("hello world", 11, false));
    }

    @Test
    void longOutputKeepsTheTailAndCountsEverything() {
        // given
        TailBuffer buffer = new TailBuffer(8);

        // when: one write longer than the buffer, then a few small ones
        write(buffer, "0123456789abcdef");
        write(buffer, "gh");
        write(buffer, "ij");

        // then
        OutputTail tail = buffer.tail();
        assertThat(tail.text()).isEqualTo("cdefghij");
        assertThat(tail.totalBytes()).isEqualTo(20);
        assertThat(tail.truncated()).isTrue();
    }

    @Test
    void aCharacterCutAtTheStartOfTheTailIsDropped() {
        // given: "é" is two bytes; the tail starts in its middle
        TailBuffer buffer = new TailBuffer(4);

        // when
        write(buffer, "xxé" + "abc");

        // then
        assertThat(buffer.tail().text()).isEqualTo("abc");
    }
}
