package dev.samokoder.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Keeps the last {@code capacity} bytes written to it and counts them all. Thread-safe. */
final class TailBuffer {

    private final byte[] ring;
    private long total;

    TailBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new byte[capacity];
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        int skip = Math.max(0, length - ring.length); // only the last ring.length bytes can survive
        for (int i = offset + skip; i < offset + length; i++) {
            ring[(int) ((total + i - offset) % ring.length)] = bytes[i];
        }
        total += length;
    }

    synchronized long total() {
        return total;
    }

    synchronized OutputTail tail() {
        int kept = (int) Math.min(total, ring.length);
        byte[] bytes = new byte[kept];
        long first = total - kept;
        for (int i = 0; i < kept; i++) {
            bytes[i] = ring[(int) ((first + i) % ring.length)];
        }
        boolean truncated = total > kept;
        int start = 0;
        if (truncated) {
            while (start < bytes.length && start < 3 && (bytes[start] & 0xC0) == 0x80) {
                start++; // a UTF-8 continuation byte: the character began before the tail
            }
        }
        return new OutputTail(decode(bytes, start), total, truncated);
    }

    private static String decode(byte[] bytes, int start) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
