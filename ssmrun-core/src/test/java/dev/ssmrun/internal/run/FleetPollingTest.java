package dev.ssmrun.internal.run;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.fake.FakeSsmGateway;
import dev.ssmrun.internal.fake.FakeSsmGateway.Behavior;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When a run of several commands lists invocations: the ListCommands probe's counts decide, so
 * that a fleet costs one call per poll plus one listing per command when it is done.
 */
class FleetPollingTest {
  private final Fixtures f = new Fixtures();
  private final FakeSsmGateway ssm = f.ssm;
  private final List<String> fleet = ssm.addInstances(100);

  private RunRequest.Builder request() {
    return RunRequest.builder().script("echo ok").instanceIds(fleet);
  }

  @Test
  void run_fleetFinishesTogether_listsEachCommandOnceWhenDone() {
    ssm.defaultBehavior = Behavior.ok(ofSeconds(20), "ok\n");

    CommandResult result = f.runner().run(request().build());

    assertThat(result.invocations()).hasSize(100).allMatch(InvocationResult::isSuccessful);
    assertThat(ssm.calls("ListCommandInvocations")).isEqualTo(2);
    assertThat(ssm.calls("ListCommands")).isEqualTo(f.time.sleeps().size());
    assertThat(ssm.calls("GetCommandInvocation")).isZero();
  }

  @Test
  void start_partlyFinishedCommand_isListedForListenersFiveSecondsAfterTheProbeCountedIt() {
    ssm.defaultBehavior = Behavior.ok(ofSeconds(20), "ok\n");
    fleet.subList(0, 10).forEach(id -> ssm.behaviors.put(id, Behavior.ok(ofSeconds(1), "")));
    RunHandle handle = f.runner().start(request().build());
    List<Instant> heardAt = new ArrayList<>();
    handle.addListener(
        new ProgressListener() {
          @Override
          public void onInvocationCompleted(InvocationResult invocation) {
            heardAt.add(f.time.instant());
          }
        });

    f.scheduler.runUntilIdle();

    // Poll 7 (t=1.29 s) counts the 10 early finishes; the delay then grows from 500 ms, and
    // the first poll at least 5 s later (t=7.75 s) lists that command alone.
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(heardAt).hasSize(100);
    assertThat(heardAt.subList(0, 10)).containsOnly(start.plus(Duration.ofNanos(7_749_542_400L)));
    assertThat(heardAt.get(10)).isAfter(start.plus(ofSeconds(20)));
    assertThat(ssm.calls("ListCommandInvocations")).isEqualTo(1 + 2);
  }

  @Test
  void run_failFast_listsAsSoonAsTheErrorCountRisesAndCancels() {
    ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(5), "");
    ssm.behaviors.put(fleet.get(0), Behavior.fail(ofSeconds(1), 2, "boom\n"));

    CommandResult result = f.runner().run(request().failFast(true).build());

    assertThat(result.countsByOutcome())
        .containsEntry(Outcome.FAILED, 1)
        .containsEntry(Outcome.CANCELLED_BY_CLIENT, 99);
    // Poll 7 (t=1.29 s) sees ErrorCount 1 and lists that command only, then cancels.
    assertThat(f.time.sleeps().subList(0, 7)).endsWith(Duration.ofNanos(298_598_400));
    assertThat(f.time.sleeps().get(7)).isEqualTo(ofMillis(100)); // The cancel's first drain.
    assertThat(ssm.calls("CancelCommand")).isEqualTo(2);
  }

  @Test
  void run_failureWithoutFailFast_isReadWhenItsCommandIsDone() {
    ssm.defaultBehavior = Behavior.ok(ofSeconds(3), "");
    ssm.behaviors.put(fleet.get(0), Behavior.fail(ofSeconds(1), 2, "boom\n"));

    CommandResult result = f.runner().run(request().build());

    assertThat(result.countsByOutcome())
        .containsEntry(Outcome.FAILED, 1)
        .containsEntry(Outcome.SUCCESS, 99);
    assertThat(result.invocations().get(0).stderr()).isEqualTo("boom\n");
    assertThat(ssm.calls("ListCommandInvocations")).isEqualTo(2);
    assertThat(ssm.calls("GetCommandInvocation")).isEqualTo(1);
  }

  @Test
  void run_sendingTakesTime_firstPollResumesTheScheduleWhereItWouldBe() {
    ssm.sendTakes = ofMillis(500);

    f.runner().run(request().build());

    // The first command was sent 500 ms before the last: 100 ms + (1.2 - 1) x 500 ms.
    assertThat(f.time.sleeps().get(0)).isEqualTo(ofMillis(200));
  }
}
