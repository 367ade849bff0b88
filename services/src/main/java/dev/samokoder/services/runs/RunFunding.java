package dev.samokoder.services.runs;

/**
 * Asked before a run starts: may this user's run spend the platform's money? A run whose models
 * would run on the platform's own provider (no key of the project, the user or the
 * configuration) needs prepaid credit, and is refused before it starts otherwise. The platform's
 * rule is {@code services.policy.FundingPolicy}.
 */
@FunctionalInterface
public interface RunFunding {

    /** Every run may start (no billing configured: tests, and local mode without platform models). */
    RunFunding ANY = (userId, projectId) -> { };

    /** @throws dev.samokoder.services.billing.InsufficientCreditException when the run would need credit the user lacks */
    void check(String userId, String projectId);
}
