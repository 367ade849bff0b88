package dev.samokoder.core.models;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * USD per million tokens. Cached input is prompt tokens the provider served from its prompt
 * cache (billed lower); they are a part of the prompt tokens, not in addition to them.
 */
public record ModelPrices(BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion, BigDecimal outputPerMillion) {

    /** Costs are kept to the hundred-millionth of a dollar: one token of the cheapest model is still above zero. */
    public static final int USD_SCALE = 8;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public ModelPrices {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(cachedInputPerMillion, "cachedInputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        if (inputPerMillion.signum() < 0 || cachedInputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    /** What a call cost, rounded half-up to {@value #USD_SCALE} decimals. */
    public BigDecimal cost(long promptTokens, long cachedTokens, long completionTokens) {
        return exact(promptTokens, cachedTokens, completionTokens).setScale(USD_SCALE, RoundingMode.HALF_UP);
    }

    /** The most a call may cost, rounded up, so a reservation never falls short of the cost it covers. */
    public BigDecimal maximumCost(long promptTokens, long maxOutputTokens) {
        return exact(promptTokens, 0, maxOutputTokens).setScale(USD_SCALE, RoundingMode.UP);
    }

    private BigDecimal exact(long promptTokens, long cachedTokens, long completionTokens) {
        long cached = Math.min(Math.max(0, cachedTokens), Math.max(0, promptTokens));
        long uncached = Math.max(0, promptTokens) - cached;
        BigDecimal perMillion = inputPerMillion.multiply(BigDecimal.valueOf(uncached))
                .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(cached)))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(Math.max(0, completionTokens))));
        return perMillion.divide(MILLION);
    }
}
