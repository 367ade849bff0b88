package dev.samokoder.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamokoderConfigTest {

    @Test
    void defaultsAreLocalModeDefaults() {
        SamokoderConfig config = SamokoderConfig.fromEnv(Map.of());

        assertThat(config.aws().tableName()).isEqualTo("samokoder");
        assertThat(config.aws().local()).isFalse();
        assertThat(config.local().port()).isEqualTo(8080);
        assertThat(config.local().host()).isEqualTo("127.0.0.1");
        assertThat(config.local().dataDir()).isEqualTo(Path.of(".samokoder"));
    }

    @Test
    void readsEveryOverride() {
        SamokoderConfig config = SamokoderConfig.fromEnv(Map.of(
                "SAMOKODER_PORT", "9090",
                "SAMOKODER_DATA_DIR", "/tmp/sk",
                "SAMOKODER_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000",
                "SAMOKODER_TABLE", "other"));

        assertThat(config.local().port()).isEqualTo(9090);
        assertThat(config.local().dataDir()).isEqualTo(Path.of("/tmp/sk"));
        assertThat(config.aws().dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(config.aws().local()).isTrue();
        assertThat(config.aws().tableName()).isEqualTo("other");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_PORT", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_PORT", "70000")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_S3_ENDPOINT", "localhost:9000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_S3_ENDPOINT");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_TABLE", "bad name!")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_MAX_BLOB_BYTES", "0")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void aPackageMirrorMustBeAnAllowedRegistry() {
        assertThat(SamokoderConfig.fromEnv(Map.of("SAMOKODER_SANDBOX_PIP_INDEX_URL", "http://127.0.0.1:8765/simple/",
                "SAMOKODER_SANDBOX_REGISTRIES", "registry.npmjs.org:443,127.0.0.1:8765")).sandbox().mirrors().pipIndex())
                .contains(java.net.URI.create("http://127.0.0.1:8765/simple/"));
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_SANDBOX_PIP_INDEX_URL", "http://127.0.0.1:8765/simple/")))
                .hasMessageContaining("127.0.0.1:8765, which is not in SAMOKODER_SANDBOX_REGISTRIES");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_SANDBOX_NPM_REGISTRY", "https://user:secret@npm.example.com/",
                "SAMOKODER_SANDBOX_REGISTRIES", "npm.example.com:443")))
                .hasMessageContaining("no credentials");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_SANDBOX_PIP_INDEX_URL", "http://bad host/")))
                .hasMessageContaining("SAMOKODER_SANDBOX_PIP_INDEX_URL: 'http://bad host/' is not a URL");
    }

    @Test
    void artifactLimitsComeFromTheirSettings() {
        assertThat(SamokoderConfig.fromEnv(Map.of()).artifacts()).isEqualTo(AgentLimits.defaults());
        SamokoderConfig tight = SamokoderConfig.fromEnv(Map.of("SAMOKODER_WORKFLOW_MAX_TASKS", "5", "SAMOKODER_WORKFLOW_MAX_FILE_CHARS", "20000"));
        assertThat(tight.artifacts().maxTasks()).isEqualTo(5);
        assertThat(tight.artifacts().maxFileChars()).isEqualTo(20_000);
        assertThat(tight.artifacts().maxPlanRounds()).isEqualTo(AgentLimits.defaults().maxPlanRounds());
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_WORKFLOW_MAX_TASKS", "0")))
                .hasMessageContaining("SAMOKODER_WORKFLOW_MAX_TASKS");
    }

    @Test
    void conflictRetriesComeFromTheirSettings() {
        assertThat(SamokoderConfig.fromEnv(Map.of()).storage()).isEqualTo(SamokoderConfig.Storage.defaults());
        SamokoderConfig tuned = SamokoderConfig.fromEnv(Map.of("SAMOKODER_STORAGE_CONFLICT_ATTEMPTS", "3",
                "SAMOKODER_STORAGE_HOT_CONFLICT_ATTEMPTS", "80", "SAMOKODER_STORAGE_CONFLICT_BACKOFF_BASE_MILLIS", "0",
                "SAMOKODER_STORAGE_CONFLICT_BACKOFF_MAX_MILLIS", "250"));
        assertThat(tuned.storage().conflictRetry())
                .isEqualTo(new RetryPolicy(3, java.time.Duration.ZERO, java.time.Duration.ofMillis(250)));
        assertThat(tuned.storage().hotConflictRetry())
                .isEqualTo(new RetryPolicy(80, java.time.Duration.ZERO, java.time.Duration.ofMillis(250)));
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_STORAGE_CONFLICT_ATTEMPTS", "0")))
                .hasMessageContaining("SAMOKODER_STORAGE_CONFLICT_ATTEMPTS");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_STORAGE_CONFLICT_BACKOFF_BASE_MILLIS", "500")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAMOKODER_STORAGE_CONFLICT_BACKOFF_MAX_MILLIS (100) must be at least");
    }

    @Test
    void workflowLimitsComeFromTheirSettings() {
        assertThat(SamokoderConfig.fromEnv(Map.of()).workflow()).isEqualTo(dev.samokoder.core.config.WorkflowLimits.defaults());

        SamokoderConfig config = SamokoderConfig.fromEnv(Map.of(
                "SAMOKODER_WORKFLOW_MAX_QUESTIONS", "0",
                "SAMOKODER_WORKFLOW_MAX_FIX_ITERATIONS", "7",
                "SAMOKODER_WORKFLOW_MAX_SCHEMA_RETRIES", "0"));

        assertThat(config.workflow().maxQuestions()).isZero();
        assertThat(config.workflow().maxFixIterations()).isEqualTo(7);
        assertThat(config.workflow().maxSchemaRetries()).isZero();
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_WORKFLOW_MAX_FIX_ITERATIONS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_WORKFLOW_MAX_FIX_ITERATIONS");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_WORKFLOW_MAX_QUESTIONS", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("0 or more");
    }
}
