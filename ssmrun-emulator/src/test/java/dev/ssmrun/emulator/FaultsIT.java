package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** Injected faults, each seen through the real SDK client (4 attempts, zero backoff). */
class FaultsIT {
  /**
   * TimeoutSeconds for the tests that must see a state that lasts until ExpiresAfter
   * (ConnectionLost, then InProgress or Pending): 5 s here with executionTimeout 5, so that a
   * loaded 2-core machine still gets a look in.
   */
  private static final int WINDOW_SECONDS = 250;

  @Test
  void throttle_everyCall_sdkRetriesThenThrottlingException() {
    try (SsmEmulator emu = start("DescribeInstanceInformation:throttle=1");
        SsmClient ssm = emu.newSsmClient()) {
      SsmException e =
          catchThrowableOfType(SsmException.class, () -> ssm.describeInstanceInformation(b -> {}));

      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.isThrottlingException()).isTrue();
      assertThat(emu.state().callCount("DescribeInstanceInformation", "ThrottlingException"))
          .isEqualTo(4);
      assertThat(ssm.listCommands(b -> {}).commands()).isEmpty();
    }
  }

  @Test
  void error_everyCall_internalServerError500() {
    try (SsmEmulator emu = start("ListCommands:error=1");
        SsmClient ssm = emu.newSsmClient()) {
      SsmException e = catchThrowableOfType(SsmException.class, () -> ssm.listCommands(b -> {}));

      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
      assertThat(e.statusCode()).isEqualTo(500);
      assertThat(emu.state().calls().get("ListCommands")).containsEntry("InternalServerError", 4);
    }
  }

  @Test
  void lose_sendCommand_processedButUnanswered_eachRetryRunsAgain() {
    try (SsmEmulator emu = start("SendCommand:lose=1");
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);

      assertThat(
              catchThrowableOfType(
                  SdkClientException.class, () -> Poll.send(ssm, List.of(id), "true")))
          .isNotNull();

      assertThat(emu.state().callCount("SendCommand", "lost")).isEqualTo(4);
      Poll.until(() -> emu.state().executionCount(id) == 4);
      assertThat(ssm.listCommands(b -> {}).commands()).hasSize(4);
    }
  }

  @Test
  void latency_addedBeforeTheAnswer() {
    try (SsmEmulator emu = start("ListCommands:latency=300ms");
        SsmClient ssm = emu.newSsmClient()) {
      long start = System.nanoTime();
      ssm.listCommands(b -> {});

      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void crash_agentDiesMidCommand_connectionLostThenDeliveryTimedOut() {
    try (SsmEmulator emu = start("crash=1");
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);
      String commandId =
          sendUntilContactLost(ssm, Poll.timed(List.of(id), 5, "sleep 30"), "InProgress");
      Poll.until(() -> Processes.ofCommand(commandId).isEmpty());
      GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

      assertThat(inv.statusAsString()).isEqualTo("TimedOut");
      assertThat(inv.statusDetails()).isEqualTo("DeliveryTimedOut");
      assertThat(ping(ssm, id)).isEqualTo("Online");
      assertThat(emu.state().executionCount(id)).isEqualTo(1);
    }
  }

  @Test
  void offline_instanceLosesContactBeforeDelivery_deliveryTimedOutAndNothingRuns() {
    try (SsmEmulator emu = start("offline=1");
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);
      String commandId =
          sendUntilContactLost(ssm, Poll.timed(List.of(id), 5, "echo never"), "Pending");
      GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

      assertThat(inv.statusDetails()).isEqualTo("DeliveryTimedOut");
      Poll.until(() -> ping(ssm, id).equals("Online"));
      assertThat(emu.state().executionCount(id)).isZero();
    }
  }

  @Test
  void rate_tokenBucketEmpty_throttles() {
    try (SsmEmulator emu = start("rate=0.01");
        SsmClient ssm = emu.newSsmClient()) {
      ssm.listCommands(b -> {});
      SsmException e = catchThrowableOfType(SsmException.class, () -> ssm.listCommands(b -> {}));

      assertThat(e.isThrottlingException()).isTrue();
      assertThat(emu.state().calls().get("ListCommands"))
          .containsEntry("ok", 1)
          .containsEntry("ThrottlingException", 4);
    }
  }

  @Test
  void seed_sameSpec_sameOutcomes() {
    assertThat(outcomes("throttle=0.5,seed=7"))
        .isEqualTo(outcomes("throttle=0.5,seed=7"))
        .contains("ok", "ThrottlingException");
  }

  private static List<String> outcomes(String spec) {
    List<String> outcomes = new ArrayList<>();
    try (SsmEmulator emu = start(spec);
        SsmClient ssm = emu.newSsmClient()) {
      for (int i = 0; i < 10; i++) {
        try {
          ssm.listCommands(b -> {});
        } catch (SsmException e) {
          // Recorded below; the sequence is what matters.
        }
      }
      emu.state().recordedCalls().forEach(c -> outcomes.add(c.outcome()));
    }
    return outcomes;
  }

  /**
   * Sends {@code request} (to one instance, TimeoutSeconds: the window) once that instance is
   * Online, waits until it loses contact, checks that the invocation then shows {@code status}, and
   * returns the command id.
   */
  private static String sendUntilContactLost(
      SsmClient ssm, SendCommandRequest.Builder request, String status) {
    String id = request.build().instanceIds().get(0);
    assertThat(ping(ssm, id)).isEqualTo("Online"); // also warms the client up
    String commandId =
        ssm.sendCommand(request.timeoutSeconds(WINDOW_SECONDS).build()).command().commandId();

    Poll.until(() -> ping(ssm, id).equals("ConnectionLost"));
    assertThat(
            ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(id)).statusAsString())
        .isEqualTo(status);
    return commandId;
  }

  private static String ping(SsmClient ssm, String id) {
    InstanceInformation info =
        ssm.describeInstanceInformation(b -> b.filters(f -> f.key("InstanceIds").values(id)))
            .instanceInformationList()
            .get(0);
    return info.pingStatusAsString();
  }

  private static SsmEmulator start(String faults) {
    return SsmEmulator.builder()
        .instances(1)
        .faults(faults)
        .visibilityDelay(Duration.ZERO)
        .timeoutUnit(Duration.ofMillis(20))
        .start();
  }
}
