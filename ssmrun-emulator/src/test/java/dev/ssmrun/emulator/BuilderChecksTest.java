package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder rejects bad settings at once, naming the setting; nothing is started. */
class BuilderChecksTest {
  @Test
  void badSettings_rejectedWithTheSettingsName() {
    SsmEmulator.Builder b = SsmEmulator.builder();

    assertThatThrownBy(() -> b.port(65536)).hasMessage("port must be 0 to 65535, got 65536");
    assertThatThrownBy(() -> b.s3Port(-1)).hasMessage("s3Port must be 0 to 65535, got -1");
    assertThatThrownBy(() -> b.instances(1001)).hasMessage("instances must be 0 to 1000, got 1001");
    assertThatThrownBy(() -> b.region(" ")).hasMessage("region is blank");
    assertThatThrownBy(() -> b.credentials(null, "x")).hasMessage("accessKeyId == null");
    assertThatThrownBy(() -> b.addTag("", "v")).hasMessage("key is blank");
    assertThatThrownBy(() -> b.visibilityDelay(Duration.ofMillis(-1)))
        .hasMessage("visibilityDelay < 0: PT-0.001S");
    assertThatThrownBy(() -> b.timeoutUnit(Duration.ZERO)).hasMessage("timeoutUnit <= 0: PT0S");
    assertThatThrownBy(() -> b.maxDocumentSize(0)).hasMessage("maxDocumentSize <= 0: 0");
    assertThatThrownBy(() -> b.logUploadInterval(Duration.ZERO))
        .hasMessage("logUploadInterval <= 0: PT0S");
    assertThatThrownBy(() -> b.finalLogUploadDelay(Duration.ofMillis(-1)))
        .hasMessage("finalLogUploadDelay < 0: PT-0.001S");
    assertThatThrownBy(() -> b.filterLogEventsRate(0))
        .hasMessageStartingWith("filterLogEventsRate must be a positive number");
    assertThatThrownBy(() -> b.maxRequestSize(0)).hasMessage("maxRequestSize <= 0: 0");
  }

  @Test
  void logsAndRequestDefaults_asDocumented() {
    var settings = SsmEmulator.builder().settings(java.nio.file.Path.of("/unused"));

    assertThat(settings.logs().uploadInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.logs().finalUploadDelay()).isEqualTo(Duration.ofMillis(300));
    assertThat(settings.logs().filterRate()).isEqualTo(5.0);
    assertThat(settings.maxRequestSize()).isEqualTo(4 * 1024 * 1024);
  }

  @Test
  void edgeValues_accepted() {
    SsmEmulator.Builder b = SsmEmulator.builder();

    assertThat(b.port(0).s3Port(65535).instances(0).instances(1000)).isSameAs(b);
    assertThat(b.visibilityDelay(Duration.ZERO).timeoutUnit(Duration.ofNanos(1))).isSameAs(b);
    assertThat(b.maxDocumentSize(1).region("eu-west-1").credentials("k", "s")).isSameAs(b);
  }
}
