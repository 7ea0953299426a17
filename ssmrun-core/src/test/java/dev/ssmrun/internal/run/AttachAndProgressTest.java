package dev.ssmrun.internal.run;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.AttachRequest;
import dev.ssmrun.CommandNotFoundException;
import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.fake.FakeSsmGateway.Behavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** Watching commands sent elsewhere, looking at them once, and what listeners hear. */
class AttachAndProgressTest {
  private final Fixtures f = new Fixtures();
  private final List<String> ids = f.ssm.addInstances(3);

  /** Another process sent it: straight to SSM, with no run of ours watching. */
  private String sendElsewhere() {
    return f.ssm
        .sendCommand(
            SendCommandRequest.builder()
                .documentName("AWS-RunShellScript")
                .instanceIds(ids)
                .parameters(Map.of("commands", List.of("x")))
                .build())
        .commandId();
  }

  @Test
  void attach_commandSentElsewhere_awaitsItsResultJudgedByTheGivenPolicy() {
    f.ssm.behaviors.put(ids.get(1), Behavior.fail(ofSeconds(2), 4, "bad\n"));
    String id = sendElsewhere();

    RunHandle handle =
        f.runner()
            .attach(
                AttachRequest.builder()
                    .addCommandId(id)
                    .failurePolicy(FailurePolicy.atMost(1))
                    .build());
    f.scheduler.runUntilIdle();

    CommandResult result = handle.await();
    assertThat(result.commandIds()).containsExactly(id);
    assertThat(result.invocations()).hasSize(3);
    assertThat(result.invocations().get(1).exitCode()).isEqualTo(4);
    assertThat(result.isSuccessful()).isTrue();
    assertThat(result.exitCode()).isZero();
    assertThat(f.ssm.calls("SendCommand")).isOne();
  }

  @Test
  void send_returnsTheIdsWithoutWatching_andClosingLeavesTheCommandRunning() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    DefaultSsmRunner runner = f.runner();

    List<String> sent = runner.send(RunRequest.builder().script("x").instanceIds(ids).build());
    runner.close();
    f.scheduler.runUntilIdle();

    assertThat(sent).hasSize(1);
    assertThat(f.ssm.calls("ListCommandInvocations")).isZero();
    assertThat(f.ssm.calls("CancelCommand")).isZero();
    assertThat(f.scheduler.delays()).isEmpty();
  }

  @Test
  void attach_thenCancel_cancelsTheCommandAsOurs() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    String id = sendElsewhere();

    RunHandle handle = f.runner().attach(id);
    handle.cancel();
    f.scheduler.runUntilIdle();

    assertThat(handle.await().invocations())
        .extracting(InvocationResult::outcome)
        .containsOnly(Outcome.CANCELLED_BY_CLIENT);
    assertThat(f.ssm.calls("CancelCommand")).isOne();
  }

  @Test
  void attach_withListener_hearsWhatTheAttachItselfLearnt_andTheFirstPoll() {
    f.ssm.behaviors.put(ids.get(0), Behavior.ok(Duration.ZERO, "early\n"));
    String id = sendElsewhere(); // without CloudWatch output: following it warns at once
    List<String> heard = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void onWarning(String warning) {
            heard.add("warning " + warning);
          }

          @Override
          public void onInvocationCompleted(InvocationResult invocation) {
            heard.add("completed " + invocation.instanceId());
          }
        };

    f.runner()
        .attach(AttachRequest.builder().addCommandId(id).followOutput(true).build(), listener);
    List<String> beforeAnyPoll = List.copyOf(heard);
    f.scheduler.runUntilIdle();

    assertThat(beforeAnyPoll).singleElement().asString().contains("no live output for " + id);
    assertThat(heard).contains("completed " + ids.get(0));
  }

  @Test
  void attach_unknownCommand_throwsAfterAShortGrace() {
    assertThatThrownBy(() -> f.runner().attach("5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718"))
        .isInstanceOf(CommandNotFoundException.class)
        .hasMessageContaining("5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718");
    assertThat(f.time.slept()).isBetween(ofSeconds(5), ofSeconds(6));
  }

  @Test
  void inspect_runningCommand_showsEveryInvocationWithoutWaitingOrCancelling() {
    f.ssm.behaviors.put(ids.get(0), Behavior.ok(Duration.ZERO, "done\n"));
    f.ssm.behaviors.put(ids.get(1), Behavior.ok(Duration.ofMinutes(5), ""));
    f.ssm.behaviors.put(ids.get(2), Behavior.ok(Duration.ofMinutes(5), ""));
    String id = sendElsewhere();

    Progress progress = f.runner().inspect(id);

    assertThat(progress.total()).isEqualTo(3);
    assertThat(progress.invocations())
        .extracting(InvocationResult::instanceName)
        .containsExactlyElementsOf(ids.stream().map(i -> "host-" + i).toList());
    assertThat(progress.invocations().get(0).outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(progress.invocations().get(0).stdout()).isEqualTo("done\n");
    assertThat(progress.invocations().subList(1, 3))
        .extracting(InvocationResult::outcome, InvocationResult::status)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(Outcome.UNFINISHED, "InProgress"));
    assertThat(progress.isDone()).isFalse();
    assertThat(f.ssm.calls("CancelCommand")).isZero();
    assertThat(f.time.slept()).isZero();
  }

  @Test
  void listener_hearsProgressOnlyWhenSomethingChanged() {
    List<Progress> heard = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void onProgress(Progress progress) {
            heard.add(progress);
          }
        };

    f.runner().run(RunRequest.builder().script("x").instanceIds(ids).build(), listener);

    // Sent (3 Pending), listed (3 InProgress), then done: 7 polls, 3 changes.
    assertThat(f.ssm.calls("ListCommandInvocations")).isEqualTo(7);
    assertThat(heard).hasSize(3);
    assertThat(heard.get(0).invocations())
        .extracting(InvocationResult::status)
        .containsOnly("Pending");
    assertThat(heard.get(1).invocations())
        .extracting(InvocationResult::status)
        .containsOnly("InProgress");
    assertThat(heard.get(2).isDone()).isTrue();
    assertThat(heard.get(2).countsByOutcome()).containsEntry(Outcome.SUCCESS, 3);
  }

  @Test
  void deadline_cancelNeverConfirmed_runReturnsWithinTheTwoSecondGrace() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    f.ssm.ignoreCancels = true;

    CommandResult result =
        f.runner()
            .run(
                RunRequest.builder()
                    .script("x")
                    .instanceIds(ids)
                    .waitTimeout(ofSeconds(20))
                    .build());

    assertThat(result.deadlineExceeded()).isTrue();
    assertThat(result.exitCode()).isEqualTo(CommandResult.EXIT_DEADLINE);
    assertThat(result.invocations())
        .extracting(InvocationResult::outcome)
        .containsOnly(Outcome.CANCELLED_BY_CLIENT);
    assertThat(f.time.slept()).isBetween(ofSeconds(20), ofSeconds(22));
  }

  @Test
  void maxErrorsStricterThanThePolicy_isSentAsGivenWithAWarningOnResultAndListener() {
    List<String> warned = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void onWarning(String warning) {
            warned.add(warning);
          }
        };
    RunRequest request =
        RunRequest.builder()
            .script("x")
            .instanceIds(ids)
            .failurePolicy(FailurePolicy.atMost(2))
            .maxErrors("0")
            .build();

    CommandResult result = f.runner().run(request, listener);

    assertThat(f.ssm.sent().get(0).maxErrors()).isEqualTo("0");
    assertThat(result.warnings())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("MaxErrors 0 is stricter");
    assertThat(warned).isEqualTo(result.warnings());
  }
}
