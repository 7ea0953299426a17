package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.Target;

/** Timeouts, cancel, exit codes, rate control and target resolution, with real processes. */
class LifecycleIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder()
              .visibilityDelay(Duration.ZERO)
              .timeoutUnit(Duration.ofMillis(20))
              .addInstance(InstanceSpec.builder().online(false).addTag("Role", "offline").build()));

  private final SsmEmulator emu = SSM.emulator();
  private final SsmClient ssm = SSM.ssm();
  private final String offline = emu.instanceIds().get(3);

  @Test
  void executionTimeout_killsEverythingTheScriptStarted_timedOut137() {
    String id = emu.instanceIds().get(0);
    String commandId =
        Poll.send(
            ssm,
            id,
            Map.of(
                "commands",
                List.of("sleep 30 &", "setsid sleep 30 >/dev/null 2>&1 &", "sleep 30"),
                "executionTimeout",
                List.of("50"))); // 1 s here

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

    assertThat(inv.statusAsString()).isEqualTo("TimedOut");
    assertThat(inv.statusDetails()).isEqualTo("ExecutionTimedOut");
    assertThat(inv.responseCode()).isEqualTo(137);
    // The status changed only once nothing of the script was left: even the setsid escapee
    // (the sandbox's PID namespace ended with it).
    assertThat(Processes.ofCommand(commandId)).isEmpty();
  }

  @Test
  void expiresAfter_agentStillRunning_serviceReportsDeliveryTimedOut() {
    String id = emu.instanceIds().get(2);
    // executionTimeout 1 is below the agent's minimum of 5, so the agent would allow 3600 s,
    // while ExpiresAfter is TimeoutSeconds + 1 s after the request.
    String commandId =
        ssm.sendCommand(
                Poll.shell(List.of(id))
                    .timeoutSeconds(30)
                    .parameters(
                        Map.of("commands", List.of("sleep 30"), "executionTimeout", List.of("1")))
                    .build())
            .command()
            .commandId();

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

    assertThat(inv.statusAsString()).isEqualTo("TimedOut");
    assertThat(inv.statusDetails()).isEqualTo("DeliveryTimedOut");
    assertThat(command(commandId).expiresAfter())
        .isEqualTo(command(commandId).requestedDateTime().plusSeconds(30 + 1));
  }

  @Test
  void cancelCommand_running_cancelledAndGroupKilled() {
    String id = emu.instanceIds().get(1);
    String commandId = Poll.send(ssm, List.of(id), "sleep 30");
    Processes.awaitRunning(commandId);

    ssm.cancelCommand(b -> b.commandId(commandId));

    String right =
        ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(id)).statusAsString();
    assertThat(right).isIn("Cancelling", "Cancelled");
    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
    assertThat(inv.statusAsString()).isEqualTo("Cancelled");
    assertThat(inv.responseCode()).isEqualTo(137);
    assertThat(command(commandId).statusAsString()).isEqualTo("Cancelled");
    assertThat(Processes.ofCommand(commandId)).isEmpty();
  }

  @Test
  void exitCodes168And169_successAndFailedAsTheAgentReports() {
    String id = emu.instanceIds().get(2);
    GetCommandInvocationResponse skipOk =
        Poll.terminal(ssm, Poll.send(ssm, List.of(id), "exit 168"), id);
    GetCommandInvocationResponse skipFail =
        Poll.terminal(ssm, Poll.send(ssm, List.of(id), "exit 169"), id);

    assertThat(skipOk.statusAsString()).isEqualTo("Success");
    assertThat(skipOk.responseCode()).isEqualTo(168);
    assertThat(skipFail.statusAsString()).isEqualTo("Failed");
    assertThat(skipFail.responseCode()).isEqualTo(169);
  }

  @Test
  void offlineInstanceViaTag_pendingUntilExpiresAfter_thenDeliveryTimedOut() {
    String commandId =
        ssm.sendCommand(
                b ->
                    b.documentName("AWS-RunShellScript")
                        .targets(Target.builder().key("tag:Role").values("offline").build())
                        // ExpiresAfter = 200 + 5 s, 4.1 s here: time to see Pending under load
                        .timeoutSeconds(200)
                        .parameters(
                            Map.of(
                                "commands",
                                List.of("echo never"),
                                "executionTimeout",
                                List.of("5"))))
            .command()
            .commandId();

    Poll.until(() -> command(commandId).targetCount() == 1);
    assertThat(
            ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(offline))
                .statusAsString())
        .isEqualTo("Pending");
    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, offline);

    assertThat(inv.statusAsString()).isEqualTo("TimedOut");
    assertThat(inv.statusDetails()).isEqualTo("DeliveryTimedOut");
    assertThat(inv.responseCode()).isEqualTo(-1);
    assertThat(command(commandId).deliveryTimedOutCount()).isEqualTo(1);
    assertThat(emu.state().executionCount(offline)).isZero();
  }

  @Test
  void targets_resolvedLater_responseHasNoInstancesThenTagMatches() {
    Command sent =
        ssm.sendCommand(
                b ->
                    b.documentName("AWS-RunShellScript")
                        .targets(Target.builder().key("tag:Role").values("web").build())
                        .parameters(Map.of("commands", List.of("true"))))
            .command();

    assertThat(sent.instanceIds()).isEmpty();
    assertThat(sent.targetCount()).isZero();
    Poll.until(() -> command(sent.commandId()).completedCount() == 2);
    List<String> ran = new ArrayList<>();
    ssm.listCommandInvocations(b -> b.commandId(sent.commandId()))
        .commandInvocations()
        .forEach(i -> ran.add(i.instanceId()));
    assertThat(ran).containsExactlyInAnyOrder(emu.instanceIds().get(0), emu.instanceIds().get(2));
  }

  @Test
  void maxConcurrencyOne_invocationsRunOneAfterAnother() {
    List<String> ids = emu.instanceIds().subList(0, 3);
    String commandId =
        ssm.sendCommand(Poll.shell(ids, "sleep 0.1").maxConcurrency("1").build())
            .command()
            .commandId();

    List<Instant[]> spans = new ArrayList<>();
    for (String id : ids) {
      GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
      spans.add(
          new Instant[] {
            Instant.parse(inv.executionStartDateTime()), Instant.parse(inv.executionEndDateTime())
          });
    }
    spans.sort((a, b) -> a[0].compareTo(b[0]));
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i)[0]).isAfterOrEqualTo(spans.get(i - 1)[1]);
    }
  }

  @Test
  void maxErrorsZero_firstFailureTerminatesTheRest() {
    List<String> ids = emu.instanceIds().subList(0, 3);
    Map<String, Integer> before = emu.state().executions();
    String commandId =
        ssm.sendCommand(Poll.shell(ids, "exit 1").maxConcurrency("1").maxErrors("0").build())
            .command()
            .commandId();

    Poll.until(() -> command(commandId).completedCount() == 3);
    List<String> details = new ArrayList<>();
    for (CommandInvocation inv :
        ssm.listCommandInvocations(b -> b.commandId(commandId)).commandInvocations()) {
      details.add(inv.statusDetails());
    }
    assertThat(details).containsExactlyInAnyOrder("Failed", "Terminated", "Terminated");
    assertThat(command(commandId).statusAsString()).isEqualTo("Failed");
    assertThat(command(commandId).errorCount()).isEqualTo(1);
    int started =
        ids.stream()
            .mapToInt(id -> emu.state().executionCount(id) - before.getOrDefault(id, 0))
            .sum();
    assertThat(started).isEqualTo(1);
  }

  @Test
  void workingDirectory_givenFolder_scriptRunsThere() {
    String id = emu.instanceIds().get(0);
    String commandId =
        Poll.send(ssm, id, Map.of("commands", List.of("pwd"), "workingDirectory", List.of("/tmp")));

    assertThat(Poll.terminal(ssm, commandId, id).standardOutputContent()).isEqualTo("/tmp\n");
  }

  @Test
  void workingDirectory_missing_failedWithMessage() {
    String id = emu.instanceIds().get(0);
    String commandId =
        Poll.send(
            ssm, id, Map.of("commands", List.of("pwd"), "workingDirectory", List.of("/no/such")));

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
    assertThat(inv.statusAsString()).isEqualTo("Failed");
    assertThat(inv.standardErrorContent()).contains("/no/such");
  }

  @Test
  void largeOutput_truncatedInlineAndInPluginOutput() {
    String id = emu.instanceIds().get(1);
    String commandId =
        Poll.send(
            ssm,
            List.of(id),
            "head -c 30000 /dev/zero | tr '\\0' o",
            "head -c 9000 /dev/zero | tr '\\0' e >&2");

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
    assertThat(inv.standardOutputContent()).hasSize(24_000).endsWith("o--output truncated--");
    assertThat(inv.standardErrorContent()).hasSize(8_000).endsWith("e--output truncated--");
    String output =
        ssm.listCommandInvocations(b -> b.commandId(commandId).details(true))
            .commandInvocations()
            .get(0)
            .commandPlugins()
            .get(0)
            .output();
    assertThat(output)
        .hasSize(2_500)
        .contains("\n----------ERROR-------\n")
        .endsWith("\n---Error truncated----");
  }

  @Test
  void bringOnline_pendingInvocationDeliveredAndRun() {
    String late =
        emu.addInstance(InstanceSpec.builder().online(false).addTag("Role", "late").build());
    String commandId =
        ssm.sendCommand(
                b ->
                    b.documentName("AWS-RunShellScript")
                        .targets(Target.builder().key("tag:Role").values("late").build())
                        .parameters(Map.of("commands", List.of("echo finally"))))
            .command()
            .commandId();
    Poll.until(() -> command(commandId).targetCount() == 1);

    emu.bringOnline(late);

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, late);
    assertThat(inv.statusAsString()).isEqualTo("Success");
    assertThat(inv.standardOutputContent()).isEqualTo("finally\n");
  }

  @Test
  void takeOffline_newCommandRejected() {
    String id = emu.addInstance(InstanceSpec.builder().build());
    emu.takeOffline(id);

    assertThat(
            catchThrowableOfType(
                InvalidInstanceIdException.class, () -> Poll.send(ssm, List.of(id), "true")))
        .isNotNull();
  }

  private Command command(String commandId) {
    return ssm.listCommands(b -> b.commandId(commandId)).commands().get(0);
  }
}
