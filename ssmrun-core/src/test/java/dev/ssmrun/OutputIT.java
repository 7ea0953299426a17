package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.emulator.SsmEmulator;
import dev.ssmrun.emulator.SsmEmulatorExtension;
import dev.ssmrun.internal.send.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole outputs on the emulator: SSM's output goes to the staging location's run folder, ssmrun
 * reads what SSM truncated (or replaced) back from there, byte for byte, streams huge output to a
 * sink, and deletes the objects after reading them.
 */
class OutputIT {
  @RegisterExtension
  @Order(1)
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder().instances(1).visibilityDelay(Duration.ofMillis(50)));

  @RegisterExtension
  @Order(2)
  static final StagingFixture STAGING = new StagingFixture(SSM, b -> b.maxOutputBytes(1 << 20));

  private static S3Client s3;
  private static String id;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    s3 = STAGING.s3();
    id = SSM.emulator().instanceIds().get(0);
  }

  private static InvocationResult run(RunRequest.Builder request) {
    return STAGING.runOnFirst(request);
  }

  @Test
  void run_stdoutOf100000Characters_whole() {
    InvocationResult only =
        run(RunRequest.builder().script("head -c 100000 /dev/zero | tr '\\0' 'o'"));

    assertThat(only.stdout()).isEqualTo("o".repeat(100_000));
    assertThat(only.stdoutTruncated()).isFalse();
    assertThat(only.stdoutSize()).isEqualTo(100_000);
  }

  @Test
  void run_stderrOver8000_whole() {
    InvocationResult only =
        run(RunRequest.builder().script("head -c 20000 /dev/zero | tr '\\0' 'e' >&2"));

    assertThat(only.stderr()).isEqualTo("e".repeat(20_000));
    assertThat(only.stderrTruncated()).isFalse();
  }

  @Test
  void run_bytesThatAreNotUtf8_exact() {
    InvocationResult only = run(RunRequest.builder().script("printf 'a\\377\\376b\\351\\n'"));

    assertThat(only.stdoutBytes()).containsExactly('a', 0xff, 0xfe, 'b', 0xe9, '\n');
  }

  @Test
  void run_50MegabyteStdout_streamedToAFileWithTheHeadInMemory() throws Exception {
    Path dir = tmp.resolve("out");
    long size = 50L * 1024 * 1024;
    String line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n"; // 64 bytes

    InvocationResult only =
        run(
            RunRequest.builder()
                .script("yes '" + line.strip() + "' | head -c " + size)
                .outputSink(OutputSink.files(dir)));

    Path file = dir.resolve(id + ".stdout");
    assertThat(Files.size(file)).isEqualTo(size);
    assertThat(Sha256.of(file)).isEqualTo(Sha256.of(line.repeat((int) (size / 64))));
    assertThat(only.stdoutSize()).isEqualTo(size);
    assertThat(only.stdoutTruncated()).isTrue();
    assertThat(only.stdoutBytes()).hasSize(1024 * 1024);
    assertThat(only.stdout()).startsWith(line + line);
    assertThat(only.result()).hasValueSatisfying(r -> assertThat(r.text()).isEqualTo(line.strip()));
  }

  @Test
  void run_outputBucketThatDoesNotExist_refusedBeforeSending() {
    int before = SSM.emulator().state().callCount("SendCommand");

    assertThatThrownBy(
            () -> run(RunRequest.builder().script("echo").outputS3("no-such-output", "")))
        .isInstanceOf(StagingException.class)
        .hasMessageStartingWith("the output bucket 'no-such-output' does not exist");
    assertThat(SSM.emulator().state().callCount("SendCommand")).isEqualTo(before);
  }

  @Test
  void run_outputBucketButNoS3Client_createsOneAndFailsLoudlyBeforeSending() {
    int before = SSM.emulator().state().callCount("SendCommand");
    try (var ssm = SSM.emulator().newSsmClient();
        SsmRunner noS3 = SsmRunner.builder().ssmClient(ssm).build()) {
      // The runner's own S3 client goes to AWS (unreachable here, or refusing the test keys).
      assertThatThrownBy(
              () ->
                  noS3.run(
                      RunRequest.builder()
                          .addInstanceId(id)
                          .script("echo")
                          .outputS3("ssmrun-out", "")
                          .build()))
          .isInstanceOf(StagingException.class)
          .hasMessageContaining("output bucket 'ssmrun-out'")
          .hasMessageEndingWith("nothing was sent");
    }
    assertThat(SSM.emulator().state().callCount("SendCommand")).isEqualTo(before);
  }

  @Test
  void run_keepStagedObjects_leavesTheOutputForTheCaller() {
    InvocationResult only =
        run(
            RunRequest.builder()
                .script("head -c 30000 /dev/zero | tr '\\0' 'k'")
                .keepStagedObjects(true));

    List<String> keys =
        s3.listObjectsV2(b -> b.bucket(SSM.stagingBucket())).contents().stream()
            .map(o -> o.key())
            .toList();
    assertThat(only.stdout()).hasSize(30_000);
    assertThat(keys)
        .singleElement()
        .asString()
        .endsWith("/" + id + "/awsrunShellScript/0.awsrunShellScript/stdout");
    keys.forEach(k -> s3.deleteObject(b -> b.bucket(SSM.stagingBucket()).key(k)));
  }
}
