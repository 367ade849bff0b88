package dev.samokoder.services.runs;

/** What comes next and why, in words for the run's event timeline. */
public record RouteDecision(Step next, String reason) {
}
