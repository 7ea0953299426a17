package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.emulator.RecordedCall;
import dev.ssmrun.emulator.SsmEmulator;
import dev.ssmrun.emulator.SsmEmulatorExtension;
import dev.ssmrun.internal.send.Sha256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Large scripts through S3 on the emulator, with the SDK's S3 client and presigner against its
 * embedded S3: sizes, interpreters, arguments and environment, integrity, runs at once, secrets,
 * refusals before sending, and an empty staging bucket after every run.
 */
class StagingIT {
  @RegisterExtension
  @Order(1)
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder().instances(3).visibilityDelay(Duration.ofMillis(50)));

  @RegisterExtension
  @Order(2)
  static final StagingFixture STAGING =
      new StagingFixture(SSM, b -> b.cancelGrace(Duration.ofSeconds(10)));

  private static SsmRunner runner;
  private static S3Client s3;
  private static List<String> ids;

  @BeforeAll
  static void start() {
    runner = STAGING.runner();
    s3 = STAGING.s3();
    ids = SSM.emulator().instanceIds();
  }

  /** A script of about {@code bytes} that prints its own SHA-256: the instance ran these bytes. */
  private static String scriptOf(int bytes) {
    String line = "# " + "x".repeat(97) + "\n";
    return "#!/bin/sh\n" + line.repeat(bytes / line.length()) + "sha256sum \"$0\" | cut -c1-64\n";
  }

  @ParameterizedTest
  @ValueSource(ints = {100_000, 1_000_000, 20_000_000})
  void run_largeScript_stagedRunsTheExactBytes(int size) {
    String script = scriptOf(size);

    CommandResult result =
        runner.run(RunRequest.builder().addInstanceId(ids.get(0)).script(script).build());

    InvocationResult only = result.invocations().get(0);
    assertThat(only.stderr()).isEmpty();
    assertThat(only.stdout()).isEqualTo(Sha256.of(script) + "\n");
    assertThat(sentCommands(1).get(0)).contains("# ssmrun bootstrap").doesNotContain("xxxxxxxxxx");
  }

  @Test
  void run_pythonWithArgumentsAndEnvironment_stagedAndInline() {
    String script =
        "#!/usr/bin/env python3\nimport os, sys\nprint(sys.argv[1:], os.environ['GREETING'])\n";
    RunRequest.Builder b =
        RunRequest.builder()
            .addInstanceId(ids.get(0))
            .script(script)
            .arguments("one", "two words", "it's")
            .putEnvironment("GREETING", "hi; $(id)");

    InvocationResult staged = runner.run(b.build()).invocations().get(0);
    String stagedCommand = sentCommands(1).get(0);
    InvocationResult inline;
    try (SsmRunner plain = Emulators.runner(SSM.emulator())) {
      inline = plain.run(b.build()).invocations().get(0);
    }
    String inlineCommand = sentCommands(1).get(0);

    String expected = "['one', 'two words', \"it's\"] hi; $(id)\n";
    assertThat(staged.stderr()).isEmpty();
    assertThat(staged.stdout()).isEqualTo(expected);
    assertThat(stagedCommand).contains("# ssmrun bootstrap").doesNotContain("two words");
    assertThat(inline.stderr()).isEmpty();
    assertThat(inline.stdout()).isEqualTo(expected);
    assertThat(inlineCommand).contains("print(sys.argv[1:]").contains("two words");
  }

  @Test
  void run_stagedObjectChangedAfterUpload_refusedWithItsExitCodeAndNothingRan() {
    String id = ids.get(2); // local-3, taken offline: its invocation waits, pending
    SSM.emulator().takeOffline(id);
    RunHandle handle;
    try {
      handle =
          runner.start(
              RunRequest.builder()
                  .addTarget("Name", List.of("local-3"))
                  .script("echo the script ran")
                  .stage(true)
                  .build());
      S3Object script =
          s3.listObjectsV2(b -> b.bucket(SSM.stagingBucket())).contents().stream()
              .filter(o -> o.key().contains("/script-"))
              .findFirst()
              .orElseThrow();
      s3.putObject(
          b -> b.bucket(SSM.stagingBucket()).key(script.key()),
          RequestBody.fromString("echo changed"));
    } finally {
      SSM.emulator().bringOnline(id);
    }

    InvocationResult only = handle.await().invocations().get(0);

    assertThat(only.exitCode()).isEqualTo(StagingExitCodes.CHECKSUM_MISMATCH);
    assertThat(only.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(only.stderr())
        .isEqualTo(
            "ssmrun: the staged script does not match its SHA-256 (it changed after upload): not"
                + " running it\n");
    assertThat(only.stdout()).isEmpty();
  }

  @Test
  void runAsync_tenStagedRunsAtOnce_eachRunsItsOwnScript() {
    List<CompletableFuture<CommandResult>> runs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      runs.add(
          runner.runAsync(
              RunRequest.builder()
                  .addInstanceId(ids.get(i % ids.size()))
                  .script("echo run " + i)
                  .stage(true)
                  .build()));
    }

    for (int i = 0; i < 10; i++) {
      InvocationResult only = runs.get(i).join().invocations().get(0);
      assertThat(only.stdout()).isEqualTo("run " + i + "\n");
      assertThat(only.exitCode()).isZero();
    }
  }

  @Test
  void run_cancelledOrPastItsDeadline_stagedObjectsDeleted() {
    RunHandle handle =
        runner.start(
            RunRequest.builder().addInstanceId(ids.get(1)).script("sleep 30").stage(true).build());
    assertThat(s3.listObjectsV2(b -> b.bucket(SSM.stagingBucket())).contents()).isNotEmpty();
    handle.cancel();
    CommandResult cancelled = handle.await();

    CommandResult late =
        runner.run(
            RunRequest.builder()
                .addInstanceId(ids.get(1))
                .script("sleep 30")
                .stage(true)
                .waitTimeout(Duration.ofSeconds(2))
                .build());

    assertThat(cancelled.cancelledByClient()).isTrue();
    assertThat(late.deadlineExceeded()).isTrue();
  }

  @Test
  void run_secrets_absentFromTheCommandHistory() {
    RunRequest request =
        RunRequest.builder()
            .addInstanceId(ids.get(0))
            .script("printf '%s %s' \"$TOKEN\" \"$PLAIN\"")
            .putSecretEnvironment("TOKEN", "s3cr3t-token-value")
            .putEnvironment("PLAIN", "plain-env-value")
            .build();

    InvocationResult only = runner.run(request).invocations().get(0);

    assertThat(only.stdout()).isEqualTo("s3cr3t-token-value plain-env-value");
    String recorded = String.join("\n", sentCommands(1));
    String history = SSM.ssm().listCommands(b -> b.maxResults(50)).commands().toString();
    assertThat(recorded + history)
        .contains("# ssmrun bootstrap")
        .doesNotContain("s3cr3t-token-value")
        .doesNotContain("plain-env-value");
  }

  @Test
  void run_secretsWithoutStaging_refusedBeforeSending() {
    long before = SSM.emulator().state().callCount("SendCommand");
    try (SsmRunner plain = Emulators.runner(SSM.emulator())) {
      assertThatThrownBy(
              () ->
                  plain.run(
                      RunRequest.builder()
                          .addInstanceId(ids.get(0))
                          .script("echo")
                          .putSecretEnvironment("TOKEN", "x")
                          .build()))
          .isInstanceOf(StagingException.class)
          .hasMessageContaining("secret environment (TOKEN)")
          .extracting(e -> ((StagingException) e).reason())
          .isEqualTo(StagingException.Reason.NO_LOCATION);
    }
    assertThat(SSM.emulator().state().callCount("SendCommand")).isEqualTo(before);
  }

  @Test
  void run_missingBucketOrWrongKeys_refusedBeforeSendingNamingTheBucket() {
    long before = SSM.emulator().state().callCount("SendCommand");
    RunRequest big =
        RunRequest.builder().addInstanceId(ids.get(0)).script(scriptOf(100_000)).build();
    S3Client wrongKeys =
        S3Client.builder()
            .endpointOverride(SSM.emulator().s3Endpoint())
            .region(Region.of(SSM.emulator().region()))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
            .build();
    try (SsmClient ssm = SSM.emulator().newSsmClient();
        SsmRunner denied =
            SsmRunner.builder()
                .ssmClient(ssm)
                .s3Client(wrongKeys)
                .staging(StagingLocation.of(SSM.stagingBucket()))
                .build()) {
      assertThatThrownBy(
              () ->
                  runner.run(big.toBuilder().staging(StagingLocation.of("no-such-bucket")).build()))
          .isInstanceOf(StagingException.class)
          .hasMessageStartingWith("the staging bucket 'no-such-bucket' does not exist")
          .extracting(e -> ((StagingException) e).reason())
          .isEqualTo(StagingException.Reason.BUCKET_NOT_FOUND);
      assertThatThrownBy(() -> denied.run(big))
          .isInstanceOf(StagingException.class)
          .hasMessageStartingWith(
              "access to the staging bucket '" + SSM.stagingBucket() + "' is denied")
          .extracting(e -> ((StagingException) e).reason())
          .isEqualTo(StagingException.Reason.ACCESS_DENIED);
    } finally {
      wrongKeys.close();
    }
    assertThat(SSM.emulator().state().callCount("SendCommand")).isEqualTo(before);
  }

  /** The {@code commands} of the last {@code n} SendCommand calls the emulator recorded. */
  private static List<String> sentCommands(int n) {
    List<RecordedCall> sends =
        SSM.emulator().state().recordedCalls().stream()
            .filter(c -> c.operation().equals("SendCommand"))
            .toList();
    return sends.subList(sends.size() - n, sends.size()).stream()
        .map(RecordedCall::requestBody)
        .toList();
  }
}
