package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.SsmEmulator;
import dev.ssmrun.emulator.SsmEmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Large scripts through S3: sizes, interpreters, arguments and environment, integrity, cleanup. */
class StagingIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder().instances(2).visibilityDelay(Duration.ofMillis(50)));

  private static SsmRunner runner;
  private static S3Client s3;
  private static List<String> ids;

  @BeforeAll
  static void start() {
    runner =
        Emulators.runner(SSM.emulator(), b -> b.staging(StagingLocation.of(SSM.stagingBucket())));
    s3 = SSM.emulator().newS3Client();
    ids = SSM.emulator().instanceIds();
  }

  @AfterAll
  static void stop() {
    runner.close();
    s3.close();
  }

  @Test
  void run_100KilobyteScript_isStagedAndRuns() {
    String script = "#!/bin/sh\n" + ("# " + "x".repeat(98) + "\n").repeat(1000) + "echo done\n";

    CommandResult result =
        runner.run(RunRequest.builder().addInstanceId(ids.get(0)).script(script).build());

    InvocationResult only = result.invocations().get(0);
    assertThat(only.stderr()).isEmpty();
    assertThat(only.stdout()).isEqualTo("done\n");
    assertThat(only.exitCode()).isZero();
    assertStagingBucketEmpty();
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

    InvocationResult staged = runner.run(b.stage(true).build()).invocations().get(0);
    InvocationResult inline =
        Emulators.runner(SSM.emulator()).run(b.stage(false).build()).invocations().get(0);

    String expected = "['one', 'two words', \"it's\"] hi; $(id)\n";
    assertThat(staged.stderr()).isEmpty();
    assertThat(staged.stdout()).isEqualTo(expected);
    assertThat(inline.stderr()).isEmpty();
    assertThat(inline.stdout()).isEqualTo(expected);
    assertStagingBucketEmpty();
  }

  private static void assertStagingBucketEmpty() {
    assertThat(s3.listObjectsV2(b -> b.bucket(SSM.stagingBucket())).contents()).isEmpty();
  }
}
