package dev.samokoder.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailTest {

    @Test
    void normalize_trimsAndLowerCases() {
        assertThat(Email.normalize("  Ada.Lovelace@Example.COM ")).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void normalize_refusesWhatIsNotAnAddress() {
        for (String bad : new String[] {"", "plain", "a@b", "two@@example.com", "sp ace@example.com", null}) {
            assertThatThrownBy(() -> Email.normalize(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
