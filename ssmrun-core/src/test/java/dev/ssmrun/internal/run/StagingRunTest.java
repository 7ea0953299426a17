package dev.ssmrun.internal.run;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunFailedException;
import dev.ssmrun.RunRequest;
import dev.ssmrun.ScriptInput;
import dev.ssmrun.ScriptResult;
import dev.ssmrun.StagingException;
import dev.ssmrun.StagingLocation;
import dev.ssmrun.internal.aws.S3Gateway.Encryption;
import dev.ssmrun.internal.fake.FakeSsmGateway.Behavior;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** The payload stage, S3 checks, whole output and cleanup, on fake time with fake SSM and S3. */
class StagingRunTest {
  private static final String BIG = "#!/bin/sh\n" + "# padding\n".repeat(6000) + "echo big\n";
  private final Fixtures f = new Fixtures();
  private final List<String> ids = f.ssm.addInstances(3);
  private final EngineSettings staged =
      EngineSettings.DEFAULT.withStaging(StagingLocation.of("staging"));

  StagingRunTest() {
    f.ssm.s3 = f.s3;
    f.s3.createBucket("staging", "us-east-1");
  }

  private RunRequest.Builder request(String script) {
    return RunRequest.builder().script(script).addInstanceId(ids.get(0));
  }

  private String commands(SendCommandRequest sent) {
    return String.join("\n", sent.parameters().get("commands"));
  }

  @Test
  void run_smallScriptWithoutLocation_inlineWithoutS3() {
    f.runner().run(request("echo hi").build());

    assertThat(commands(f.ssm.sent().get(0))).isEqualTo("echo hi");
    assertThat(f.ssm.sent().get(0).outputS3BucketName()).isNull();
    assertThat(f.s3.calls("HeadBucket") + f.s3.calls("PutObject")).isZero();
  }

  @Test
  void run_tooLargeWithoutLocation_refusedBeforeSendingSayingHowToStage() {
    assertThatThrownBy(() -> f.runner().run(request(BIG).build()))
        .isInstanceOf(StagingException.class)
        .hasMessageContaining("this run needs a staging location")
        .hasMessageContaining("the script alone has 60,019 characters")
        .hasMessageContaining("ssmrun stages above 49,152 bytes")
        .hasMessageContaining("SsmRunner.Builder.staging(StagingLocation.of(\"my-bucket\"))")
        .hasMessageEndingWith("nothing was sent");
    assertThat(f.ssm.calls("SendCommand")).isZero();
  }

  @Test
  void run_justOverTheThreshold_measuredAsJson() {
    String script = "echo '" + "\\".repeat(25_000) + "'"; // 25,008 characters, each \ is 2 in JSON

    assertThatThrownBy(() -> f.runner().run(request(script).build()))
        .isInstanceOf(StagingException.class)
        .hasMessageContaining("make a SendCommand of 50,0");
    assertThat(
            f.runner(staged)
                .run(request("echo '" + "\\".repeat(24_000) + "'").build())
                .isSuccessful())
        .isTrue();
    assertThat(commands(f.ssm.sent().get(0))).startsWith("echo '\\\\"); // 48,000 + 60: inline
  }

  @Test
  void run_tooLarge_stagedAndABootstrapSentThenTheFolderDeleted() {
    CommandResult result = f.runner(staged).run(request(BIG).build());

    SendCommandRequest sent = f.ssm.sent().get(0);
    assertThat(commands(sent))
        .startsWith("# ssmrun bootstrap")
        .contains("https://s3.fake/staging/ssmrun/20260101T000000Z-")
        .doesNotContain("padding");
    assertThat(f.s3.calls("PutObject")).isEqualTo(1); // the script: nothing to set up
    assertThat(f.s3.lifetimes).containsOnly(ofMinutes(10).plus(Duration.ofHours(1)));
    assertThat(sent.outputS3BucketName()).isEqualTo("staging");
    assertThat(sent.outputS3KeyPrefix()).matches("ssmrun/20260101T000000Z-[0-9a-f]{12}/output");
    assertThat(result.isSuccessful()).isTrue();
    assertThat(f.s3.keys("staging")).isEmpty();

    f.runner(staged).run(request(BIG).arguments("a").build());

    assertThat(f.s3.calls("PutObject")).isEqualTo(3); // then the script and a setup
    assertThat(commands(f.ssm.sent().get(1))).contains("/setup-");
    assertThat(f.s3.keys("staging")).isEmpty();
  }

  @Test
  void run_defaults_sseS3AndEightMibOfEachStreamInMemory() {
    String nineMib = "n".repeat(9 << 20);
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(1), nineMib);
    List<Encryption> encryption = new ArrayList<>();
    ProgressListener beforeCleanup =
        new ProgressListener() {
          @Override
          public void onInvocationCompleted(InvocationResult invocation) {
            f.s3.keys("staging").stream()
                .filter(k -> k.contains("/script-") || k.contains("/setup-"))
                .forEach(k -> encryption.add(f.s3.encryptionOf("staging", k)));
          }
        };

    InvocationResult only =
        f.runner(staged)
            .run(request("yes").stage(true).arguments("a").build(), beforeCleanup)
            .invocations()
            .get(0);

    assertThat(encryption).hasSize(2).containsOnly(Encryption.SSE_S3);
    assertThat(only.stdoutBytes()).hasSize(EngineSettings.StagingSettings.DEFAULT_MAX_OUTPUT_BYTES);
    assertThat(EngineSettings.StagingSettings.DEFAULT_MAX_OUTPUT_BYTES).isEqualTo(8 << 20);
    assertThat(only.stdoutSize()).isEqualTo(9 << 20);
    assertThat(only.stdoutTruncated()).isTrue();
  }

  @Test
  void run_stagedKeys_carryTheShaAndAreEncrypted() {
    List<String> keys = new ArrayList<>();
    List<Encryption> encryption = new ArrayList<>();
    ProgressListener beforeCleanup =
        new ProgressListener() {
          @Override
          public void onInvocationCompleted(InvocationResult invocation) {
            keys.addAll(f.s3.keys("staging"));
            keys.forEach(k -> encryption.add(f.s3.encryptionOf("staging", k)));
          }
        };
    StagingLocation kms = StagingLocation.of("staging", "p").withKmsKey("alias/stage");

    f.runner().run(request(BIG).staging(kms).putEnvironment("K", "v").build(), beforeCleanup);

    String sha = dev.ssmrun.internal.send.Sha256.of(BIG);
    assertThat(keys)
        .filteredOn(k -> !k.contains("/output/"))
        .satisfiesExactlyInAnyOrder(
            k -> assertThat(k).matches("p/20260101T000000Z-[0-9a-f]{12}/script-" + sha),
            k -> assertThat(k).matches("p/20260101T000000Z-[0-9a-f]{12}/setup-[0-9a-f]{64}"));
    assertThat(encryption).filteredOn(e -> e != null).containsOnly(new Encryption("alias/stage"));
  }

  @Test
  void run_stageForcedOrEnvironmentWithALocation_valuesNeverInTheParameters() {
    f.runner(staged).run(request("echo $A").putEnvironment("A", "plain-value").build());
    f.runner(staged).run(request("echo $B").putSecretEnvironment("B", "secret-value").build());
    f.runner(staged).run(request("echo small").stage(true).build());

    assertThat(f.ssm.sent())
        .allSatisfy(s -> assertThat(commands(s)).startsWith("# ssmrun bootstrap"));
    assertThat(f.ssm.sent().toString())
        .doesNotContain("plain-value")
        .doesNotContain("secret-value");
  }

  @Test
  void run_secretWithoutLocation_refusedBeforeSending() {
    assertThatThrownBy(
            () -> f.runner().run(request("echo").putSecretEnvironment("TOKEN", "s").build()))
        .isInstanceOf(StagingException.class)
        .hasMessageContaining("secret environment (TOKEN) travels only inside a staged payload")
        .hasMessageNotContaining("\"s\"");
    assertThat(f.ssm.calls("SendCommand")).isZero();
  }

  @Test
  void run_stagingBucketMissingDeniedOrElsewhere_refusedBeforeSendingNamingIt() {
    RunRequest.Builder b = request(BIG);
    f.s3.denied.add("locked");
    f.s3.createBucket("far", "eu-west-1");

    assertThatThrownBy(() -> f.runner().run(b.staging(StagingLocation.of("missing")).build()))
        .isInstanceOf(StagingException.class)
        .hasMessageStartingWith("the staging bucket 'missing' does not exist (HeadBucket: 404");
    assertThatThrownBy(() -> f.runner().run(b.staging(StagingLocation.of("locked")).build()))
        .hasMessageStartingWith("access to the staging bucket 'locked' is denied (HeadBucket: 403");
    assertThatThrownBy(() -> f.runner().run(b.staging(StagingLocation.of("far")).build()))
        .hasMessageStartingWith(
            "the staging bucket 'far' is in eu-west-1, the instances (the SSM client) in us-east-1");
    assertThat(f.ssm.calls("SendCommand")).isZero();
    assertThat(f.s3.calls("PutObject")).isZero();
  }

  @Test
  void run_uploadDenied_refusedNamingBucketAndKey() {
    f.s3.refusePuts = true;

    assertThatThrownBy(() -> f.runner(staged).run(request(BIG).build()))
        .isInstanceOf(StagingException.class)
        .hasMessageMatching(
            "(?s)cannot write s3://staging/ssmrun/\\S+/script-[0-9a-f]{64} \\(403 AccessDenied\\).*");
    assertThat(f.ssm.calls("SendCommand")).isZero();
  }

  @Test
  void run_outputBucketMissing_refusedBeforeSending() {
    assertThatThrownBy(() -> f.runner().run(request("echo").outputS3("nope", "").build()))
        .isInstanceOf(StagingException.class)
        .hasMessageStartingWith("the output bucket 'nope' does not exist");
    assertThat(f.ssm.calls("SendCommand")).isZero();
  }

  @Test
  void run_truncatedOutputWithALocation_readWholeFromTheRunFolderThenDeleted() {
    String whole = "y".repeat(30_000);
    f.ssm.defaultBehavior =
        new Behavior(ofSeconds(1), "Success", "Success", 0, whole, "e".repeat(9000));

    InvocationResult only = f.runner(staged).run(request("yes").build()).invocations().get(0);

    assertThat(only.stdout()).isEqualTo(whole);
    assertThat(only.stderr()).hasSize(9000);
    assertThat(only.stdoutTruncated()).isFalse();
    assertThat(f.s3.keys("staging")).isEmpty();
  }

  @Test
  void run_credentialsExpireBeforeTheTimeouts_warnedBeforeAnythingIsSent() {
    f.s3.credentialsExpiry = f.time.instant().plus(ofMinutes(30));
    List<String> heard = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void onWarning(String warning) {
            heard.add(f.ssm.calls("SendCommand") + ": " + warning);
          }
        };

    CommandResult result = f.runner(staged).run(request(BIG).build(), listener);

    assertThat(heard)
        .singleElement()
        .asString()
        .startsWith(
            "0: the S3 credentials that sign the staged payload's URLs expire at 2026-01-01T00:30:00Z (in 30m)")
        .contains("delivery timeout plus the execution timeout (1h10m)");
    assertThat(result.warnings()).hasSize(1);
  }

  @Test
  void run_timeoutsBeyondSevenDays_urlsCappedAndWarned() {
    CommandResult result =
        f.runner(staged).run(request(BIG).deliveryTimeout(Duration.ofDays(10)).build());

    assertThat(f.s3.lifetimes).containsOnly(Duration.ofDays(7));
    assertThat(result.warnings()).anyMatch(w -> w.startsWith("presigned URLs last at most 7 days"));
  }

  @Test
  void run_keepStagedObjects_leavesTheFolder() {
    f.runner(staged).run(request(BIG).keepStagedObjects(true).arguments("a").build());

    assertThat(f.s3.keys("staging"))
        .hasSize(3)
        .anyMatch(k -> k.contains("/script-"))
        .anyMatch(k -> k.contains("/setup-"))
        .anyMatch(k -> k.endsWith("/stdout"));
  }

  @Test
  void send_stagedPayload_staysForTheInstancesToFetch() {
    List<String> commandIds = f.runner(staged).send(request(BIG).arguments("a").build());

    assertThat(commandIds).hasSize(1);
    assertThat(f.s3.keys("staging"))
        .hasSize(2)
        .allMatch(k -> k.contains("/script-") || k.contains("/setup-"));
  }

  @Test
  void run_cleanupFails_warnsWithTheFolderToDelete() {
    f.s3.refuseDeletes = true;

    CommandResult result = f.runner(staged).run(request(BIG).build());

    assertThat(result.warnings())
        .singleElement()
        .asString()
        .matches(
            "could not delete the run's objects under s3://staging/ssmrun/\\S+/ \\(.*\\): delete them yourself");
  }

  @Test
  void run_sendFailsForGood_stagedObjectsDeleted() {
    f.ssm.sendsBeforeRefusal = 0;

    assertThatThrownBy(() -> f.runner(staged).run(request(BIG).build()))
        .isInstanceOf(RunFailedException.class);
    assertThat(f.s3.calls("PutObject")).isEqualTo(1);
    assertThat(f.s3.keys("staging")).isEmpty();
  }

  @Test
  void run_deadlineCancelOrInterrupt_stagedObjectsDeleted() {
    f.ssm.defaultBehavior = Behavior.ok(ofMinutes(10), "");
    CommandResult late = f.runner(staged).run(request(BIG).waitTimeout(ofSeconds(5)).build());
    assertThat(late.deadlineExceeded()).isTrue();
    assertThat(f.s3.keys("staging")).isEmpty();

    var handle = f.runner(staged).start(request(BIG).build());
    f.scheduler.runFor(ofSeconds(1));
    handle.cancel();
    f.scheduler.runUntilIdle();
    assertThat(handle.await().cancelledByClient()).isTrue();
    assertThat(f.s3.keys("staging")).isEmpty();

    f.time.onSleep(() -> Thread.currentThread().interrupt());
    f.runner(staged).run(request(BIG).build());
    assertThat(Thread.interrupted()).isTrue();
    assertThat(f.s3.keys("staging")).isEmpty();
    assertThat(f.s3.calls("PutObject")).isEqualTo(3);
  }

  @Test
  void close_withAStagedRunInFlight_deletesItsObjects() {
    f.ssm.defaultBehavior = Behavior.ok(ofMinutes(10), "");
    DefaultSsmRunner runner = f.runner(staged);
    var async = runner.runAsync(request(BIG).build());
    f.scheduler.runFor(ofSeconds(1));
    assertThat(f.s3.keys("staging")).isNotEmpty();

    runner.close();
    f.scheduler.runUntilIdle();

    assertThat(async.join().cancelledByClient()).isTrue();
    assertThat(f.s3.keys("staging")).isEmpty();
  }

  @Test
  void run_inputAndResultsByIdsAndByTags_eachInstancesFileBytes() {
    ids.forEach(
        id -> f.ssm.results.put(id, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
    f.ssm.stagingBucket = "staging";
    RunRequest.Builder byIdsRequest = copyInput().instanceIds(ids);
    RunRequest.Builder byTagRequest = copyInput().addTarget("Role", List.of("web"));

    CommandResult byIds = f.runner(staged).run(byIdsRequest.build());
    CommandResult byTag = f.runner(staged).run(byTagRequest.build());

    assertThat(byIds.invocations())
        .hasSize(3)
        .allSatisfy(
            i ->
                assertThat(i.result())
                    .hasValueSatisfying(
                        r -> {
                          assertThat(r.source()).isEqualTo(ScriptResult.Source.FILE);
                          assertThat(r.text()).isEqualTo("{\"id\":\"" + i.instanceId() + "\"}");
                        }));
    assertThat(byTag.invocations())
        .extracting(InvocationResult::instanceId)
        .containsExactly(ids.get(0), ids.get(2));
    assertThat(byTag.invocations()).allSatisfy(i -> assertThat(i.result()).isPresent());
    assertThat(f.ssm.calls("DescribeInstanceInformation"))
        .isEqualTo(1); // the tag, resolved for URLs
    assertThat(f.s3.keys("staging")).isEmpty();
  }

  private static RunRequest.Builder copyInput() {
    return RunRequest.builder()
        .script("cp \"$SSMRUN_INPUT\" \"$SSMRUN_RESULT\"")
        .input(ScriptInput.of(new byte[] {7}));
  }

  @Test
  void run_outputStillBeingRead_endsOnlyOnceResolvedAndListenersHearItThen() {
    String whole = "z".repeat(30_000);
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(1), whole);
    List<Runnable> queued = new ArrayList<>();
    List<String> events = new ArrayList<>();
    DefaultSsmRunner runner =
        new DefaultSsmRunner(
            f.ssm::view,
            f.s3,
            new Transfers(queued::add, Runnable::run, () -> {}),
            () -> f.logs,
            f.time,
            f.time,
            f.scheduler,
            staged,
            new Fixtures.NoJitter(),
            List.of());
    f.time.onSleep(
        () -> {
          if (f.time.slept().compareTo(ofSeconds(3)) > 0 && !queued.isEmpty()) {
            events.add("resolved at " + f.time.slept().toMillis());
            queued.remove(0).run();
          }
        });

    CommandResult result =
        runner.run(
            request("yes").build(),
            new ProgressListener() {
              @Override
              public void onInvocationCompleted(InvocationResult invocation) {
                events.add("heard " + invocation.stdout().length());
              }
            });

    assertThat(result.invocations().get(0).stdout()).isEqualTo(whole);
    assertThat(events).hasSize(2).last().isEqualTo("heard 30000");
    assertThat(f.time.sleeps()).contains(Completions.RESOLVE_CHECK);
  }

  @Test
  void run_outputCannotBeRead_failsLoudlyAndStillCleansUp() {
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(1), "w".repeat(30_000));
    f.s3.refuseGets = true;

    assertThatThrownBy(() -> f.runner(staged).run(request("yes").build()))
        .isInstanceOf(RunFailedException.class)
        .hasMessageContaining("could not read the whole stdout of " + ids.get(0))
        .satisfies(
            e -> assertThat(((RunFailedException) e).partialResult().invocations()).hasSize(1));
    assertThat(f.s3.keys("staging")).isEmpty();
  }
}
