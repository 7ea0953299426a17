package dev.ssmrun.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.SsmEmulator;
import dev.ssmrun.emulator.SsmEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

class SamplesIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder().instances(3).visibilityDelay(Duration.ofMillis(50)));

  private static SsmEmulator emu;
  private static SsmRunner runner;
  private static SsmClient ssm;
  private static S3Client s3;
  private static SsmRunner staging;
  private static List<String> ids;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    emu = SSM.emulator();
    runner = dev.ssmrun.Emulators.runner(emu);
    ssm = emu.newSsmClient();
    s3 = emu.newS3Client();
    staging = Samples.stagingRunner(ssm, s3, SSM.stagingBucket());
    ids = emu.instanceIds();
  }

  @AfterAll
  static void stop() {
    runner.close();
    staging.close();
    ssm.close();
    s3.close();
  }

  @Test
  void runOnce() {
    assertThat(Samples.runOnce(runner, ids.get(0))).isEqualTo(3);
  }

  @Test
  void argvAndEnvironment() {
    assertThat(Samples.argvAndEnvironment(runner, ids.get(0))).isEqualTo("it's and $GREETING");
  }

  @Test
  void rollingRestart() {
    assertThat(Samples.rollingRestart(runner)).isTrue();
  }

  @Test
  void requireSuccess() {
    assertThat(Samples.requireSuccess(runner, ids))
        .contains("exit code 28")
        .contains("disk full")
        .contains(ids.get(2));
  }

  @Test
  void watchAndCancel() {
    CommandResult result = Samples.watchAndCancel(runner, ids);
    assertThat(result.invocations())
        .extracting(InvocationResult::outcome)
        .containsOnly(Outcome.CANCELLED_BY_CLIENT);
  }

  @Test
  void manyAtOnce() {
    assertThat(Samples.manyAtOnce(runner, ids)).hasSize(3).allMatch(CommandResult::isSuccessful);
  }

  @Test
  void largeScript() throws Exception {
    Path script = tmp.resolve("install.sh");
    Files.writeString(
        script, "#!/bin/sh\n" + "# ...\n".repeat(40_000) + "printf '%s|' \"$@\"\n"); // 240 KB

    assertThat(Samples.largeScript(staging, ids.get(0), script)).isEqualTo("--env|prod|my app|");
  }

  @Test
  void wholeOutputToFiles() throws Exception {
    assertThat(Samples.wholeOutputToFiles(staging, ids.get(0), tmp.resolve("logs")))
        .isEqualTo(1_288_895);
  }

  @Test
  void pythonWithData() {
    assertThat(Samples.pythonWithData(staging, ids))
        .hasSize(3)
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
  }

  @Test
  void secret() {
    assertThat(Samples.secret(staging, ids.get(1), "s3cr3t-sample"))
        .isEqualTo("a token of 13 characters\n");
    assertThat(ssm.listCommands(b -> b.maxResults(50)).commands().toString())
        .doesNotContain("s3cr3t-sample");
    assertThat(s3.listObjectsV2(b -> b.bucket(SSM.stagingBucket())).contents()).isEmpty();
  }
}
