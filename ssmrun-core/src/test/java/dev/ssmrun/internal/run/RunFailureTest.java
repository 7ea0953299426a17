package dev.ssmrun.internal.run;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.RunFailedException;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.fake.FakeSsmGateway.Behavior;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** A run that fails as a whole names what it had sent and carries what it knew. */
class RunFailureTest {
  private final Fixtures f = new Fixtures();
  private final List<String> ids = f.ssm.addInstances(3);

  private static SsmException accessDenied() {
    return (SsmException)
        SsmException.builder()
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("AccessDeniedException")
                    .errorMessage("not authorized to perform: ssm:ListCommandInvocations")
                    .build())
            .build();
  }

  private RunRequest request(List<String> instances) {
    return RunRequest.builder().script("echo ok").instanceIds(instances).build();
  }

  @Test
  void run_accessDeniedWhilePolling_throwsNamingTheCommandWithPartialResultAndCancels() {
    f.ssm.defaultBehavior = Behavior.ok(Duration.ofMinutes(10), "");
    f.ssm.behaviors.put(ids.get(0), Behavior.ok(Duration.ZERO, "early\n"));
    f.time.onSleep(
        () -> {
          if (f.time.slept().compareTo(ofSeconds(1)) > 0) {
            f.ssm.listFailure = accessDenied();
          }
        });

    assertThatThrownBy(() -> f.runner().run(request(ids)))
        .isInstanceOfSatisfying(
            RunFailedException.class,
            e -> {
              assertThat(e.commandIds()).hasSize(1);
              assertThat(e.getMessage())
                  .contains("AccessDeniedException")
                  .contains(e.commandIds().get(0));
              assertThat(e.getCause()).isInstanceOf(SsmException.class);
              CommandResult partial = e.partialResult();
              assertThat(partial.invocations()).hasSize(3);
              assertThat(partial.invocations().get(0).stdout()).isEqualTo("early\n");
              assertThat(partial.countsByOutcome())
                  .containsEntry(Outcome.SUCCESS, 1)
                  .containsEntry(Outcome.CANCELLED_BY_CLIENT, 2);
            });
    assertThat(f.ssm.calls("CancelCommand")).isOne();
  }

  @Test
  void run_laterSendCommandRefused_throwsNamingTheCommandsAlreadySentAndCancelsThem() {
    List<String> fleet = f.ssm.addInstances(97);
    f.ssm.sendsBeforeRefusal = 1;

    assertThatThrownBy(() -> f.runner().run(request(fleet)))
        .isInstanceOfSatisfying(
            RunFailedException.class,
            e -> {
              assertThat(e.commandIds()).hasSize(1);
              assertThat(e.getMessage())
                  .contains("AccessDeniedException")
                  .contains("commands sent before, now cancelled: " + e.commandIds().get(0));
              assertThat(e.partialResult().invocations())
                  .hasSize(50)
                  .extracting(InvocationResult::outcome)
                  .containsOnly(Outcome.CANCELLED_BY_CLIENT);
            });
    assertThat(f.ssm.calls("SendCommand")).isEqualTo(2);
    assertThat(f.ssm.calls("CancelCommand")).isOne();
  }

  @Test
  void run_firstSendRefused_saysNothingWasSent() {
    f.ssm.sendsBeforeRefusal = 0;

    assertThatThrownBy(() -> f.runner().run(request(ids)))
        .isInstanceOf(RunFailedException.class)
        .hasMessageEndingWith("(nothing was sent)");
    assertThat(f.ssm.calls("CancelCommand")).isZero();
  }

  @Test
  void asyncFailure_surfacedByJoinAndAwait_keepsTheCallersStack() {
    f.ssm.listFailure = accessDenied();
    CompletableFuture<CommandResult> future = f.runner().runAsync(request(ids));
    RunHandle handle = f.runner().start(request(ids));
    f.scheduler.runUntilIdle();

    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(RunFailedException.class)
        .satisfies(e -> assertThat(callerFrames(e)).contains("asyncFailure_surfacedByJoin"));
    assertThatThrownBy(handle::await)
        .isInstanceOf(RunFailedException.class)
        .satisfies(e -> assertThat(callerFrames(e)).contains("asyncFailure_surfacedByJoin"));
  }

  /** The method names in the stacks of the exception's suppressed "awaited here" traces. */
  private static String callerFrames(Throwable e) {
    StringBuilder frames = new StringBuilder();
    Arrays.stream(e.getSuppressed())
        .flatMap(s -> Arrays.stream(s.getStackTrace()))
        .forEach(frame -> frames.append(frame.getMethodName()).append(' '));
    return frames.toString();
  }
}
