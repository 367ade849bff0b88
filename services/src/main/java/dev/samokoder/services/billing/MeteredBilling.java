package dev.samokoder.services.billing;

import dev.samokoder.core.llm.CallBilling;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.Provider;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Billing as the LLM gateway sees it: every call is metered; a call on the platform's own
 * provider (Bedrock) is charged to the user's credit at the price table's cost times the markup,
 * once per call id; a call on the user's or project's own key costs the platform nothing and is
 * shown, not charged. The plan check is {@link Funding#hasCredit}.
 */
public final class MeteredBilling implements CallBilling {

    private final UsageMeter usage;
    private final CreditLedger credit;
    private final Funding funding;
    private final BigDecimal markup;
    private final Optional<ModelRef> platformModel;

    public MeteredBilling(UsageMeter usage, CreditLedger credit, BigDecimal markup, Optional<ModelRef> platformModel) {
        this.usage = usage;
        this.credit = credit;
        this.funding = new Funding(credit);
        this.markup = markup;
        this.platformModel = platformModel;
    }

    @Override
    public boolean allowsPlatform(String userId) {
        return funding.hasCredit(userId);
    }

    @Override
    public Optional<ModelRef> platformModel() {
        return platformModel;
    }

    @Override
    public void recordCall(CallScope scope, String callId, ModelRef model, TokenUsage tokens, BigDecimal costUsd) {
        boolean platformPaid = model.provider() == Provider.BEDROCK;
        long chargedMicros = platformPaid ? Money.toMicros(costUsd.multiply(markup)) : 0;
        if (chargedMicros > 0) {
            credit.charge(scope.userId(), chargedMicros, callId, "model call " + model + " (" + scope.agent() + ", run " + scope.runId() + ")");
        }
        usage.recordLlmCall(scope.userId(), scope.projectId(), tokens.promptTokens(), tokens.completionTokens(), platformPaid, costUsd,
                Money.toUsd(chargedMicros));
    }
}
