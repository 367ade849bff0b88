package dev.samokoder.core.secrets;

import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of item holds its sealed secret in the same attributes, and an item of the old format is told apart by its own. */
class SealedAttributesTest {

    private static final Key KEY = new Key("HOOK#hook_1", "HOOK");

    @Test
    void aSealedSecretRoundTripsThroughTheFiveAttributes() {
        Sealed kms = new Sealed(KmsEnvelopeCipher.SCHEME, "arn:aws:kms:eu-west-1:1:key/k", Optional.of("d3JhcHBlZA=="), "bm9uY2U=", "Y2lwaGVy");
        Sealed local = new Sealed(LocalMasterKeyCipher.SCHEME, "local:0011", Optional.empty(), "bm9uY2U=", "Y2lwaGVy");

        for (Sealed sealed : new Sealed[] {kms, local}) {
            Map<String, AttributeValue> item = SealedAttributes.put(Attributes.item(KEY, "T", 1), sealed).build();
            assertThat(SealedAttributes.read(Attributes.of(item))).isEqualTo(sealed);
            assertThat(SealedAttributes.read(Attributes.of(item), "webhook-secret:hook_1")).isEqualTo(sealed);
            assertThat(item).doesNotContainKey(SealedAttributes.LEGACY);
        }
    }

    @Test
    void anItemOfTheOldFormatIsReadAsLegacy_withTheAssociatedDataItWasBoundTo() {
        byte[] old = {1, 2, 3, 4};
        Map<String, AttributeValue> item = Attributes.item(KEY, "T", 1)
                .string(SealedAttributes.LEGACY, Base64.getEncoder().encodeToString(old)).build();

        assertThat(SealedAttributes.read(Attributes.of(item), "webhook-secret:hook_1"))
                .isEqualTo(new LegacySealed(old, "webhook-secret:hook_1"));
    }

    @Test
    void aDamagedOldValueIsAClearError() {
        Map<String, AttributeValue> item = Attributes.item(KEY, "T", 1).string(SealedAttributes.LEGACY, "not base64 !").build();

        assertThatThrownBy(() -> SealedAttributes.read(Attributes.of(item), "x"))
                .isInstanceOf(SecretUnreadableException.class).hasMessageContaining(SealedAttributes.LEGACY);
    }
}
