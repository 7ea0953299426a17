package dev.ssmrun.internal.run;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.CommandNotFoundException;
import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.NoInstancesMatchedException;
import dev.ssmrun.Outcome;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.fake.FakeSsmGateway;
import dev.ssmrun.internal.fake.FakeSsmGateway.Behavior;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultSsmRunnerTest {
  private final Fixtures f = new Fixtures();
  private final FakeSsmGateway ssm = f.ssm;
  private final List<String> ids = ssm.addInstances(3);

  private RunRequest.Builder request(List<String> instances) {
    return RunRequest.builder().script("echo ok").instanceIds(instances);
  }

  @Test
  void run_oneInstanceSucceeds_returnsOutputWithoutGetCommandInvocation() {
    CommandResult result = f.runner().run(request(ids.subList(0, 1)).build());

    InvocationResult only = result.invocations().get(0);
    assertThat(only.stdout()).isEqualTo("ok\n");
    assertThat(only.exitCode()).isZero();
    assertThat(only.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.isSuccessful()).isTrue();
    assertThat(ssm.calls("SendCommand")).isEqualTo(1);
    assertThat(ssm.calls("GetCommandInvocation")).isZero();
  }

  @Test
  void run_commandTakesOneSecond_pollsOnTheGrowingSchedule() {
    f.runner().run(request(ids.subList(0, 1)).build());

    // 100 ms, then x1.2 while nothing changes; the 7th poll (t=1.29 s) sees Success.
    assertThat(f.time.sleeps())
        .containsExactly(
            ofMillis(100),
            ofMillis(120),
            ofMillis(144),
            Duration.ofNanos(172_800_000),
            Duration.ofNanos(207_360_000),
            Duration.ofNanos(248_832_000),
            Duration.ofNanos(298_598_400));
    assertThat(ssm.calls("ListCommandInvocations")).isEqualTo(7);
  }

  @Test
  void run_failingInstance_readsStderrWithOneGetAndReportsFailed() {
    ssm.behaviors.put(ids.get(1), Behavior.fail(ofSeconds(2), 3, "boom\n"));

    CommandResult result = f.runner().run(request(ids).build());

    InvocationResult failed = result.invocations().get(1);
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.stderr()).isEqualTo("boom\n");
    assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.isSuccessful()).isFalse();
    assertThat(result.countsByOutcome())
        .containsEntry(Outcome.SUCCESS, 2)
        .containsEntry(Outcome.FAILED, 1);
    assertThat(ssm.calls("GetCommandInvocation")).isEqualTo(1);
    assertThatThrownBy(result::requireSuccess)
        .hasMessageContaining(ids.get(1))
        .hasMessageContaining("exit code 3")
        .hasMessageContaining("boom");
  }

  @Test
  void run_120Instances_probesEachPollAndListsACommandOnceWhenDone() {
    List<String> fleet = new java.util.ArrayList<>(ssm.addInstances(117));
    fleet.addAll(ids);
    ssm.behaviors.put(fleet.get(0), Behavior.ok(ofSeconds(3), "slow\n"));

    CommandResult result = f.runner().run(request(fleet).build());

    assertThat(result.commandIds()).hasSize(3);
    assertThat(result.invocations()).hasSize(120).allMatch(InvocationResult::isSuccessful);
    assertThat(ssm.sent()).extracting(r -> r.instanceIds().size()).containsExactly(50, 50, 20);
    // Poll 7 (t=1.29 s) counts finishes: it lists the two complete commands, and progress in a
    // fleet sets the delay to 500 ms. The first command (49/50) is then the only one left: its
    // one-page listing is as cheap as a probe, so polls 8-11 list it (poll 8 reads 49 finishes).
    assertThat(f.time.sleeps())
        .containsExactly(
            ofMillis(100),
            ofMillis(120),
            ofMillis(144),
            Duration.ofNanos(172_800_000),
            Duration.ofNanos(207_360_000),
            Duration.ofNanos(248_832_000),
            Duration.ofNanos(298_598_400),
            ofMillis(500),
            ofMillis(500),
            ofMillis(600),
            ofMillis(720));
    assertThat(ssm.calls("ListCommands")).isEqualTo(7);
    assertThat(ssm.calls("ListCommandInvocations")).isEqualTo(2 + 4);
    assertThat(ssm.calls("GetCommandInvocation")).isZero();
  }

  @Test
  void run_deadlinePasses_cancelsAndReportsCancelledByClient() {
    ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");

    CommandResult result = f.runner().run(request(ids).waitTimeout(ofSeconds(5)).build());

    assertThat(result.deadlineExceeded()).isTrue();
    assertThat(result.invocations())
        .extracting(InvocationResult::outcome)
        .containsOnly(Outcome.CANCELLED_BY_CLIENT);
    assertThat(ssm.calls("CancelCommand")).isEqualTo(1);
    assertThat(f.time.slept()).isLessThan(ofSeconds(6));
  }

  @Test
  void run_defaultDeadline_isDeliveryPlusExecutionPlusMargin() {
    ssm.defaultBehavior = Behavior.ok(Duration.ofHours(5), "");

    CommandResult result =
        f.runner()
            .run(
                request(ids.subList(0, 1))
                    .executionTimeout(ofSeconds(60))
                    .deliveryTimeout(ofSeconds(30))
                    .build());

    assertThat(result.deadlineExceeded()).isTrue();
    assertThat(f.time.slept()).isBetween(ofSeconds(150), ofSeconds(151));
  }

  @Test
  void run_commandVisibleOnlyAfterTwoSeconds_waitsThroughTheGraceWindow() {
    ssm.visibilityDelay = ofSeconds(2);

    CommandResult result = f.runner().run(request(ids).build());

    assertThat(result.invocations()).hasSize(3).allMatch(InvocationResult::isSuccessful);
  }

  @Test
  void run_commandNeverVisible_throwsCommandNotFoundAfterGrace() {
    ssm.hidden = true;

    assertThatThrownBy(() -> f.runner().run(request(ids).build()))
        .isInstanceOf(CommandNotFoundException.class)
        .hasMessageContaining("30 s");
    assertThat(f.time.slept()).isBetween(ofSeconds(30), ofSeconds(34));
  }

  @Test
  void run_sendAnswerLostAfterAccepting_reconcilesAndRunsOnce() {
    ssm.loseSendsAfterAccepting = 1;

    CommandResult result = f.runner().run(request(ids).build());

    assertThat(ssm.commandCount()).isEqualTo(1);
    assertThat(ssm.calls("SendCommand")).isEqualTo(1);
    assertThat(result.invocations()).hasSize(3).allMatch(InvocationResult::isSuccessful);
  }

  @Test
  void run_sendFailsBeforeAccepting_resendsOnceAfterReconciling() {
    ssm.failSendsBeforeAccepting = 1;

    CommandResult result = f.runner().run(request(ids).build());

    assertThat(ssm.commandCount()).isEqualTo(1);
    assertThat(ssm.calls("SendCommand")).isEqualTo(2);
    assertThat(ssm.sent().get(0).comment()).matches("ssmrun:[0-9a-f]{12}");
    assertThat(result.isSuccessful()).isTrue();
  }

  @Test
  void run_throttledPoll_doublesTheNextDelay() {
    ssm.throttleLists = 1;

    f.runner().run(request(ids.subList(0, 1)).build());

    assertThat(f.time.sleeps()).startsWith(ofMillis(100), ofMillis(200), ofMillis(240));
  }

  @Test
  void run_throttledButRetriedPolls_doubleWhileNothingFinishesAndHoldOnProgress() {
    ssm.retriedThrottleOnEveryList = true;
    ssm.behaviors.put(ids.get(1), Behavior.ok(ofSeconds(3), ""));

    f.runner().run(request(ids.subList(0, 2)).build());

    // t=1.5 s: the first instance finished, but the listing was throttled: 800 ms again.
    assertThat(f.time.sleeps())
        .containsExactly(
            ofMillis(100),
            ofMillis(200),
            ofMillis(400),
            ofMillis(800),
            ofMillis(800),
            ofMillis(1600));
  }

  @Test
  void run_failFastAndPolicyViolated_cancelsTheRest() {
    ssm.behaviors.put(ids.get(0), Behavior.fail(ofSeconds(1), 1, "x"));
    ssm.behaviors.put(ids.get(1), Behavior.ok(Duration.ofMinutes(5), ""));
    ssm.behaviors.put(ids.get(2), Behavior.ok(Duration.ofMinutes(5), ""));

    CommandResult result = f.runner().run(request(ids).failFast(true).build());

    assertThat(result.countsByOutcome())
        .containsEntry(Outcome.FAILED, 1)
        .containsEntry(Outcome.CANCELLED_BY_CLIENT, 2);
    assertThat(result.deadlineExceeded()).isFalse();
    assertThat(result.cancelledByClient()).isTrue();
    assertThat(f.time.slept()).isLessThan(ofSeconds(3));
  }

  @Test
  void run_policyAllowsOneFailure_isSuccessful() {
    ssm.behaviors.put(ids.get(0), Behavior.fail(ofSeconds(1), 1, "x"));

    CommandResult result =
        f.runner().run(request(ids).failurePolicy(FailurePolicy.atMost(1)).build());

    assertThat(result.policySatisfied()).isTrue();
    assertThat(result.isSuccessful()).isTrue();
    assertThat(result.requireSuccess()).isSameAs(result);
  }

  @Test
  void run_tagTargets_learnsInvocationsByListing() {
    CommandResult result =
        f.runner()
            .run(RunRequest.builder().script("echo ok").addTarget("Role", List.of("web")).build());

    assertThat(result.invocations())
        .extracting(InvocationResult::instanceId)
        .containsExactly(ids.get(0), ids.get(2));
    assertThat(ssm.sent().get(0).targets().get(0).key()).isEqualTo("tag:Role");
  }

  @Test
  void run_tagMatchesNothing_saysSoAtOnceInsteadOfWaitingForTheGrace() {
    RunRequest request =
        RunRequest.builder().script("echo ok").addTarget("Role", List.of("db")).build();

    assertThatThrownBy(() -> f.runner().run(request))
        .isInstanceOfSatisfying(
            NoInstancesMatchedException.class,
            e -> {
              assertThat(e.targets()).containsExactly("Role=db");
              assertThat(e.commandIds()).hasSize(1);
              assertThat(e.partialResult().invocations()).isEmpty();
            })
        .hasMessageStartingWith("no instance matched Role=db");
    assertThat(f.time.slept()).isLessThan(ofSeconds(1));
    assertThat(ssm.calls("CancelCommand")).isZero();
  }

  @Test
  void run_interrupted_cancelsAndReturnsWithFlagSet() {
    ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    f.time.onSleep(
        () -> {
          if (f.time.slept().compareTo(ofSeconds(2)) > 0) {
            Thread.currentThread().interrupt();
          }
        });

    CommandResult result = f.runner().run(request(ids).build());

    assertThat(Thread.interrupted()).isTrue();
    assertThat(result.invocations())
        .extracting(InvocationResult::outcome)
        .containsOnly(Outcome.CANCELLED_BY_CLIENT);
    assertThat(ssm.calls("CancelCommand")).isEqualTo(1);
  }
}
