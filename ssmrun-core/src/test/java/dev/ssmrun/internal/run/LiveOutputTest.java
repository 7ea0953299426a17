package dev.ssmrun.internal.run;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.fake.FakeSsmGateway.Behavior;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live output on fake time: lines as they land, exactly once, whatever CloudWatch does. */
class LiveOutputTest {
  private static final String GROUP = "/aws/ssm/AWS-RunShellScript";
  private final Fixtures f = new Fixtures();
  private final List<String> ids = f.ssm.addInstances(1);
  private final List<OutputChunk> chunks = new ArrayList<>();
  private final List<Instant> chunkTimes = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private String commandId;

  private final ProgressListener listener =
      new ProgressListener() {
        @Override
        public void onOutput(OutputChunk chunk) {
          chunks.add(chunk);
          chunkTimes.add(f.time.instant());
        }

        @Override
        public void onProgress(Progress progress) {
          if (!progress.commandIds().isEmpty()) {
            commandId = progress.commandIds().get(0);
          }
        }

        @Override
        public void onWarning(String warning) {
          warnings.add(warning);
        }
      };

  private static String lines(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      s.append("line ").append(i).append('\n');
    }
    return s.toString();
  }

  /** The agent uploads the lines printed by second t at t + 1 s, as one event each. */
  private void agentUploadsOneLinePerSecond(int n) {
    Instant start = f.time.instant();
    int[] uploaded = {0};
    f.time.onSleep(
        () -> {
          long elapsed = java.time.Duration.between(start, f.time.instant()).toSeconds();
          while (commandId != null && uploaded[0] < Math.min(n, elapsed - 1)) {
            uploaded[0]++;
            f.logs.put(
                GROUP,
                commandId + "/" + ids.get(0) + "/aws-runShellScript/stdout",
                f.time.millis(),
                "line " + uploaded[0] + "\n");
          }
        });
  }

  private RunRequest request() {
    return RunRequest.builder().script("x").instanceIds(ids).followOutput(true).build();
  }

  private String concatenated() {
    StringBuilder s = new StringBuilder();
    chunks.forEach(c -> s.append(c.text()));
    return s.toString();
  }

  @Test
  void follow_linesArriveWhileTheCommandRuns_andConcatenateToTheFinalOutput() {
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(10), lines(10));
    agentUploadsOneLinePerSecond(8); // The last two lines land only in the final output.

    CommandResult result = f.runner().run(request(), listener);

    assertThat(f.ssm.sent().get(0).cloudWatchOutputConfig().cloudWatchOutputEnabled()).isTrue();
    assertThat(concatenated()).isEqualTo(result.invocations().get(0).stdout()).isEqualTo(lines(10));
    assertThat(chunks.size()).isGreaterThan(3);
    Instant end = f.time.instant();
    assertThat(chunkTimes.get(0)).isBefore(end.minusSeconds(5));
    assertThat(warnings).isEmpty();
  }

  @Test
  void follow_eventsLandingAfterTheirInvocationEnded_areNotDeliveredAgain() {
    String fast = ids.get(0);
    String slow = f.ssm.addInstances(1).get(0);
    f.ssm.behaviors.put(fast, Behavior.ok(java.time.Duration.ofMillis(300), "fast\n"));
    f.ssm.behaviors.put(slow, Behavior.ok(ofSeconds(6), "slow\n"));
    Instant start = f.time.instant();
    boolean[] landed = {false};
    // The fast instance's line reaches CloudWatch only after it ended; the slow one's never does.
    f.time.onSleep(
        () -> {
          if (commandId != null && !landed[0] && f.time.instant().isAfter(start.plusSeconds(2))) {
            landed[0] = true;
            f.logs.put(
                GROUP,
                commandId + "/" + fast + "/aws-runShellScript/stdout",
                f.time.millis(),
                "fast\n");
          }
        });

    f.runner()
        .run(
            RunRequest.builder()
                .script("x")
                .instanceIds(List.of(fast, slow))
                .followOutput(true)
                .build(),
            listener);

    assertThat(landed[0]).isTrue();
    assertThat(f.logs.calls.size()).isGreaterThan(2); // the tail saw the late event
    assertThat(chunks)
        .extracting(c -> c.instanceId() + " " + c.text())
        .containsExactly(fast + " fast\n", slow + " slow\n");
  }

  @Test
  void follow_costsAboutOneLogsCallPerSecondAndDoesNotChangeStatusPolling() {
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(20), lines(1));
    Fixtures plain = new Fixtures();
    plain.ssm.defaultBehavior = f.ssm.defaultBehavior;
    plain
        .runner()
        .run(RunRequest.builder().script("x").instanceIds(plain.ssm.addInstances(1)).build());

    f.runner().run(request(), listener);

    assertThat(f.ssm.calls("ListCommandInvocations"))
        .isEqualTo(plain.ssm.calls("ListCommandInvocations"));
    assertThat(f.logs.calls.size()).isBetween(15, 21);
  }

  @Test
  void follow_throttledLogs_delayLinesButLoseNone() {
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(10), lines(10));
    agentUploadsOneLinePerSecond(10);
    f.logs.throttle = 4;

    CommandResult result = f.runner().run(request(), listener);

    assertThat(concatenated()).isEqualTo(lines(10)).isEqualTo(result.invocations().get(0).stdout());
    assertThat(warnings).isEmpty();
  }

  @Test
  void follow_logsAccessDenied_runUnchangedOneWarningOutputAtTheEnd() {
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(5), lines(3));
    f.logs.denied = true;

    CommandResult result = f.runner().run(request(), listener);

    assertThat(result.isSuccessful()).isTrue();
    assertThat(warnings).singleElement().asString().contains("AccessDeniedException");
    assertThat(result.warnings()).isEqualTo(warnings);
    assertThat(chunks).singleElement().extracting(OutputChunk::text).isEqualTo(lines(3));
    assertThat(f.logs.calls).hasSize(1);
  }

  @Test
  void follow_logGroupNeverAppears_runUnchangedOneWarning() {
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(30), lines(2));

    CommandResult result = f.runner().run(request(), listener);

    assertThat(result.isSuccessful()).isTrue();
    assertThat(warnings).singleElement().asString().contains("has not appeared");
    assertThat(concatenated()).isEqualTo(lines(2));
  }

  @Test
  void follow_eventsRepeatedByTheLookBack_areDeliveredOnce() {
    f.ssm.defaultBehavior = Behavior.ok(ofSeconds(12), lines(10));
    agentUploadsOneLinePerSecond(10);

    f.runner().run(request(), listener);

    assertThat(concatenated()).isEqualTo(lines(10));
    assertThat(f.logs.calls.stream().filter(c -> !c.endsWith(" 0")).count()).isPositive();
  }
}
