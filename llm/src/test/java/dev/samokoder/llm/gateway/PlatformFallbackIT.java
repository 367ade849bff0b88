package dev.samokoder.llm.gateway;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.GatewayLimits;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.LlmRequest;
import dev.samokoder.core.llm.LlmResponse;
import dev.samokoder.core.llm.MissingProviderKeyException;
import dev.samokoder.core.llm.PlatformProviderNotAllowedException;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.models.AgentModels;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.PriceTable;
import dev.samokoder.core.models.Provider;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.llm.provider.ChatProviders;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.samokoder.llm.ratelimit.Sleeper;
import dev.samokoder.services.billing.CreditLedger;
import dev.samokoder.services.billing.MeteredBilling;
import dev.samokoder.services.billing.UsageMeter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The last step of the key order: with no key of the project, the user or the configuration, the platform's model, if the plan allows it. */
@ExtendWith(LocalAwsExtension.class)
class PlatformFallbackIT {

    private static final ModelRef AGENT_MODEL = ModelRef.parse("openai:gpt-4.1");
    private static final ModelRef PLATFORM = ModelRef.parse("bedrock:amazon.nova-pro-v1:0");

    private final List<ModelRef> asked = new ArrayList<>();
    private CreditLedger credit;
    private UsageMeter meter;
    private LlmGateway gateway;
    private CallScope scope;

    @BeforeEach
    void setUp(LocalAws aws) {
        var table = aws.storage().table();
        credit = new CreditLedger(table, Clock.systemUTC());
        meter = new UsageMeter(aws.clients().dynamoDb(), table, Clock.systemUTC());
        // no OpenAI key anywhere; Bedrock is keyless (the platform's own credentials)
        ChatProviders providers = (model, userId) -> {
            if (model.provider() == Provider.OPENAI) {
                throw new MissingProviderKeyException(Provider.OPENAI, "store a key");
            }
            return request -> {
                asked.add(request.model());
                return new ProviderResponse("answer", Optional.of(new TokenUsage(1_000_000, 0, 100_000, false)), false);
            };
        };
        gateway = new LlmGateway(new AgentModels(AGENT_MODEL, Map.of()), PriceTable.builtIn(), providers,
                new CostLedger(aws.clients().dynamoDb(), table, Clock.systemUTC()),
                new GatewayLimits(1000, new BigDecimal("1000"), Duration.ofSeconds(60)), Sleeper.real(),
                new MeteredBilling(meter, credit, new BigDecimal("2"), Optional.of(PLATFORM)));
        scope = CallScope.of(Ids.newId("run"), Ids.newId("prj"), Ids.newId("usr"), "SpecWriter");
    }

    @Test
    void withoutCredit_theMissingKeyIsTheAnswer_andNothingIsSent() {
        assertThatThrownBy(() -> gateway.complete(LlmRequest.of(scope, List.of(LlmMessage.user("hi")))))
                .isInstanceOf(MissingProviderKeyException.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void withCredit_theCallRunsOnThePlatformModel_andIsChargedAtCostTimesMarkup() {
        credit.topUp(scope.userId(), 50_000_000, "top-up", "usr_admin");

        LlmResponse response = gateway.complete(LlmRequest.of(scope, List.of(LlmMessage.user("hi"))));

        assertThat(asked).containsExactly(PLATFORM);
        assertThat(response.model()).isEqualTo(PLATFORM);
        BigDecimal cost = response.costUsd();
        assertThat(cost).isPositive();
        long charged = 50_000_000 - credit.balance(scope.userId()).balanceMicros();
        assertThat(BigDecimal.valueOf(charged, 6)).isEqualByComparingTo(cost.multiply(new BigDecimal("2")).setScale(6, java.math.RoundingMode.HALF_UP));
        var row = meter.month(scope.userId(), YearMonth.now(ZoneOffset.UTC)).getFirst();
        assertThat(row.platformCostUsd()).isEqualByComparingTo(cost);
        assertThat(row.byokCostUsd()).isEqualByComparingTo("0");
    }

    @Test
    void aConfiguredBedrockModelNeedsCreditToo() {
        LlmGateway bedrockFirst = new LlmGateway(new AgentModels(PLATFORM, Map.of()), PriceTable.builtIn(),
                (model, userId) -> request -> new ProviderResponse("x", Optional.empty(), false), null,
                new GatewayLimits(1000, new BigDecimal("1000"), Duration.ofSeconds(60)), Sleeper.real(),
                new MeteredBilling(meter, credit, BigDecimal.ONE, Optional.empty()));

        assertThatThrownBy(() -> bedrockFirst.complete(LlmRequest.of(scope, List.of(LlmMessage.user("hi")))))
                .isInstanceOf(PlatformProviderNotAllowedException.class);
    }
}
