package dev.samokoder.sandbox;

/**
 * What a command wrote to one stream: the last bytes of it (as text) and how much there was.
 *
 * @param text the kept tail, decoded as UTF-8 (a character cut at the start of the tail is dropped)
 * @param totalBytes every byte the command wrote to the stream
 * @param truncated whether bytes before the tail were thrown away
 */
public record OutputTail(String text, long totalBytes, boolean truncated) {

    public static OutputTail empty() {
        return new OutputTail("", 0, false);
    }
}
