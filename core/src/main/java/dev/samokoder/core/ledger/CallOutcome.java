package dev.samokoder.core.ledger;

/** Where a recorded call stands. */
public enum CallOutcome {
    /** Its maximum cost is reserved and the provider is being asked; settles to one of the next two. */
    RESERVED,
    SUCCEEDED,
    FAILED,
    /** Refused by a budget before anything was sent; costs nothing and reserves nothing. */
    REFUSED
}
