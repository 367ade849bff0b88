package dev.samokoder.services.billing;

/**
 * Whether a user can pay for what the platform pays for. The runs API asks before it starts a run
 * that would use the platform's own model provider; the LLM gateway asks before it falls back to
 * that provider. A user's plan is their credit: with a positive balance they are on pay-per-use
 * and may use the platform's provider; without, only their own keys.
 */
public final class Funding {

    private final Balances credit;

    public Funding(Balances credit) {
        this.credit = credit;
    }

    /**
     * @param usesPlatformProvider whether the run would call the platform's own provider (no key of the project or user for its models)
     * @throws InsufficientCreditException if it would and the user has no credit left
     */
    public void requireFunds(String userId, boolean usesPlatformProvider) {
        if (!usesPlatformProvider) {
            return;
        }
        long balance = credit.balanceMicros(userId);
        if (balance <= 0) {
            throw new InsufficientCreditException(Money.toUsd(balance));
        }
    }

    /** True when the user's plan allows the platform's provider: they have credit left. */
    public boolean hasCredit(String userId) {
        return credit.balanceMicros(userId) > 0;
    }
}
