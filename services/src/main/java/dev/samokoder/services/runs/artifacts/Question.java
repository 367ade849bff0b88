package dev.samokoder.services.runs.artifacts;

import java.time.Instant;
import java.util.Optional;

/** A clarifying question to the user (interactive runs), numbered from 1, and its answer once given. */
public record Question(int number, String text, Optional<String> answer, Instant askedAt, Optional<Instant> answeredAt,
                       long version) {
}
