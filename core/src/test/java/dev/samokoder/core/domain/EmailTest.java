package dev.samokoder.core.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailTest {

    @Test
    void normalize_trimsAndLowerCases() {
        assertThat(Email.normalize("  Ada.Lovelace@Example.COM ")).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void normalize_makesOneAddressOfItsUnicodeSpellings() {
        String composed = "Ren\u00e9@Example.com";
        String decomposed = "Rene\u0301@example.COM";
        String fullWidth = "\uff52\uff45\uff4e\u00e9@example.com";

        assertThat(Email.normalize(composed)).isEqualTo("ren\u00e9@example.com");
        assertThat(Email.normalize(decomposed)).isEqualTo(Email.normalize(composed));
        assertThat(Email.normalize(fullWidth)).isEqualTo(Email.normalize(composed));
    }

    @Test
    void normalize_refusesWhatIsNotAnAddress() {
        for (String bad : new String[] {"", "plain", "a@b", "two@@example.com", "sp ace@example.com", null}) {
            assertThatThrownBy(() -> Email.normalize(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
