package dev.samokoder.local.sfn.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged file in the store is reported when the store opens, by name, and left as it is. */
class DamagedStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void aDamagedStateMachineFileIsReportedWhenTheStoreOpens() throws IOException {
        Path file = Files.createDirectories(dataDir.resolve("state-machines")).resolve("generation.json");
        Files.writeString(file, "{garbage");

        assertThatThrownBy(() -> new FileExecutionStore(dataDir))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged")
                .hasMessageNotContaining("\n");
        assertThat(Files.readString(file)).isEqualTo("{garbage");
    }

    @Test
    void aDamagedExecutionFileIsReportedWhenTheStoreOpens() throws IOException {
        Path file = Files.createDirectories(dataDir.resolve("executions").resolve("arn-1")).resolve("execution.json");
        Files.writeString(file, "");

        assertThatThrownBy(() -> new FileExecutionStore(dataDir))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
        assertThat(file).exists();
    }
}
