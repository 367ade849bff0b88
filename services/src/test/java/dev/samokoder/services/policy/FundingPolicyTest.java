package dev.samokoder.services.policy;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.models.Provider;
import dev.samokoder.services.billing.Funding;
import dev.samokoder.services.billing.InsufficientCreditException;
import dev.samokoder.services.llmkeys.LlmKeyOwner;
import dev.samokoder.services.llmkeys.OwnKeys;
import dev.samokoder.services.runs.RunFunding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The funding rule against in-memory keys and balances: no table, no emulator. */
class FundingPolicyTest {

    private static final String USER = "usr_1";
    private static final String PROJECT = "prj_1";

    private final Set<String> storedKeys = new HashSet<>();
    private final Map<String, Long> balances = new HashMap<>();
    private final OwnKeys ownKeys = (owner, provider) -> storedKeys.contains(owner.partition() + "/" + provider);
    private final Funding funding = new Funding(userId -> balances.getOrDefault(userId, 0L));

    private RunFunding rule(Map<String, String> env) {
        return FundingPolicy.forDefaultModel(SamokoderConfig.fromEnv(env).llm(), ownKeys, funding);
    }

    @Test
    void aKeyInTheConfiguration_letsEveryRunStart() {
        RunFunding funding = rule(Map.of("SAMOKODER_LLM_MODEL", "openai:gpt-4.1", "OPENAI_API_KEY", "sk-configured"));

        assertThat(funding).isSameAs(RunFunding.ANY);
    }

    @Test
    void withoutAnyKey_aUserWithoutCredit_isRefused_andOneWithCredit_starts() {
        RunFunding funding = rule(Map.of("SAMOKODER_LLM_MODEL", "openai:gpt-4.1"));

        assertThatThrownBy(() -> funding.check(USER, PROJECT)).isInstanceOf(InsufficientCreditException.class)
                .hasMessageContaining("$0");
        balances.put(USER, 1_000_000L);
        assertThatCode(() -> funding.check(USER, PROJECT)).doesNotThrowAnyException();
    }

    @Test
    void theUsersOrTheProjectsOwnKeyForTheModelsProvider_needsNoCredit() {
        RunFunding funding = rule(Map.of("SAMOKODER_LLM_MODEL", "openai:gpt-4.1"));

        storedKeys.add(LlmKeyOwner.user(USER).partition() + "/" + Provider.OPENAI);
        assertThatCode(() -> funding.check(USER, PROJECT)).doesNotThrowAnyException();

        storedKeys.clear();
        storedKeys.add(LlmKeyOwner.project(PROJECT).partition() + "/" + Provider.OPENAI);
        assertThatCode(() -> funding.check(USER, PROJECT)).doesNotThrowAnyException();
    }

    @Test
    void aKeyForAnotherProvider_doesNotCount() {
        RunFunding funding = rule(Map.of("SAMOKODER_LLM_MODEL", "openai:gpt-4.1"));
        storedKeys.add(LlmKeyOwner.user(USER).partition() + "/" + Provider.ANTHROPIC);

        assertThatThrownBy(() -> funding.check(USER, PROJECT)).isInstanceOf(InsufficientCreditException.class);
    }

    @Test
    void onThePlatformsBedrock_everyRunNeedsCredit_whateverKeysAreStored() {
        RunFunding funding = rule(Map.of("SAMOKODER_LLM_MODEL", "bedrock:us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        storedKeys.add(LlmKeyOwner.user(USER).partition() + "/" + Provider.BEDROCK);

        assertThatThrownBy(() -> funding.check(USER, PROJECT)).isInstanceOf(InsufficientCreditException.class);
    }
}
