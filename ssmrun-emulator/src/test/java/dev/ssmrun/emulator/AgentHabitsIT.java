package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * The agent's and the service's habits: command-level status and counters, the delivery timeout
 * at ExpiresAfter, exit code 194, output after an execution timeout, backgrounded children.
 */
class AgentHabitsIT {
  @RegisterExtension
  static final BothIsolations SSM =
      BothIsolations.create(
          () ->
              SsmEmulator.builder()
                  .instances(3)
                  .visibilityDelay(Duration.ZERO)
                  .timeoutUnit(Duration.ofMillis(20))
                  .addInstance(
                      InstanceSpec.builder().online(false).addTag("Role", "away").build()));

  private static final Isolation ANY = Isolation.SANDBOX;

  @Test
  void someFailButFewerThanMaxErrors_incompleteWithCounters() {
    Command command = oneOfThreeFails("2");

    assertThat(command.statusAsString()).isEqualTo("Failed");
    assertThat(command.statusDetails()).isEqualTo("Incomplete");
    assertThat(command.targetCount()).isEqualTo(3);
    assertThat(command.completedCount()).isEqualTo(3);
    assertThat(command.errorCount()).isEqualTo(1);
    assertThat(command.deliveryTimedOutCount()).isZero();
  }

  @Test
  void maxErrorsFailed_failed() {
    Command command = oneOfThreeFails("1");

    assertThat(command.statusAsString()).isEqualTo("Failed");
    assertThat(command.statusDetails()).isEqualTo("Failed");
    assertThat(command.errorCount()).isEqualTo(1);
    assertThat(command.completedCount()).isEqualTo(3);
  }

  /** A command to three instances whose script fails on the first only. */
  private static Command oneOfThreeFails(String maxErrors) {
    List<String> ids = SSM.emulator(ANY).instanceIds().subList(0, 3);
    return finished(
        Poll.shell(ids, "[ \"$AWS_SSM_INSTANCE_ID\" != " + ids.get(0) + " ]").maxErrors(maxErrors));
  }

  @Test
  void oneExecutionTimeout_commandTimedOutNotFailed() {
    List<String> one = SSM.emulator(ANY).instanceIds().subList(0, 1);
    Command command = finished(Poll.timed(one, 5, "sleep 30"));

    assertThat(command.statusAsString()).isEqualTo("TimedOut");
    assertThat(command.statusDetails()).isEqualTo("ExecutionTimedOut");
    assertThat(command.errorCount()).isEqualTo(1);
    assertThat(command.completedCount()).isEqualTo(1);
  }

  @Test
  void deliveryTimeout_pendingPastTimeoutSeconds_deliveryTimedOutAtExpiresAfter() {
    SsmClient ssm = SSM.ssm(ANY);
    String offline = SSM.emulator(ANY).instanceIds().get(3);
    // TimeoutSeconds 30 = 0.6 s here, ExpiresAfter 30 + 120 = 3 s.
    String commandId =
        ssm.sendCommand(
                Poll.shell(List.of())
                    .targets(t -> t.key("tag:Role").values("away"))
                    .timeoutSeconds(30)
                    .parameters(
                        Map.of("commands", List.of("true"), "executionTimeout", List.of("120")))
                    .build())
            .command()
            .commandId();
    long past = System.nanoTime() + Duration.ofMillis(1200).toNanos();
    Poll.until(() -> System.nanoTime() > past);

    assertThat(status(ssm, commandId, offline)).isEqualTo("Pending");
    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, offline);
    assertThat(inv.statusDetails()).isEqualTo("DeliveryTimedOut");
    Command command = command(ssm, commandId);
    assertThat(command.statusDetails()).isEqualTo("DeliveryTimedOut");
    assertThat(command.deliveryTimedOutCount()).isEqualTo(1);
    assertThat(command.errorCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void exit194_rebootsAndRunsTheScriptAgainFromTheTop(Isolation isolation) throws Exception {
    SsmEmulator emu = SSM.emulator(isolation);
    SsmClient ssm = SSM.ssm(isolation);
    String id = emu.instanceIds().get(1);
    int before = emu.state().executionCount(id);
    String marker = "/tmp/reboot-" + UUID.randomUUID();
    String commandId =
        Poll.send(
            ssm,
            List.of(id),
            "done=\"$(dirname \"$0\")/../rebooted\"",
            "if [ ! -e \"$done\" ]; then echo first; : > \"$done\"; : > "
                + marker
                + "; exit 194; fi",
            "echo again",
            "[ -e " + marker + " ] && echo tmp kept || echo tmp emptied");

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

    assertThat(inv.statusAsString()).isEqualTo("Success");
    assertThat(inv.responseCode()).isZero();
    assertThat(inv.standardOutputContent())
        .isEqualTo("again\ntmp " + (isolation == Isolation.SANDBOX ? "emptied" : "kept") + "\n");
    assertThat(emu.state().executionCount(id) - before).isEqualTo(2);
    Files.deleteIfExists(Path.of(marker));
  }

  @Test
  void exit194Forever_rebootsBoundedThenFailed() {
    SsmEmulator emu = SSM.emulator(ANY);
    String id = emu.instanceIds().get(2);
    int before = emu.state().executionCount(id);

    GetCommandInvocationResponse inv =
        Poll.terminal(SSM.ssm(ANY), Poll.send(SSM.ssm(ANY), List.of(id), "exit 194"), id);

    assertThat(inv.statusAsString()).isEqualTo("Failed");
    assertThat(inv.responseCode()).isEqualTo(194);
    assertThat(emu.state().executionCount(id) - before).isEqualTo(11); // 1 + 10 reboots
  }

  @Test
  void reboot_instanceConnectionLostWhileInvocationStaysInProgress() {
    // A reboot lasts 5 s of timeoutUnit: 1.5 s here, long enough to be seen under load.
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(1)
                .visibilityDelay(Duration.ZERO)
                .timeoutUnit(Duration.ofMillis(300))
                .start();
        SsmClient ssm = emu.newSsmClient()) {
      String id = emu.instanceIds().get(0);
      String commandId =
          Poll.send(
              ssm,
              List.of(id),
              "done=\"$(dirname \"$0\")/../rebooted\"",
              "[ -e \"$done\" ] || { : > \"$done\"; exit 194; }");

      Poll.until(() -> ping(ssm, id).equals("ConnectionLost"));
      GetCommandInvocationResponse meanwhile =
          ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(id));
      assertThat(meanwhile.statusAsString()).isEqualTo("InProgress");
      assertThat(meanwhile.responseCode()).isEqualTo(-1);
      assertThat(Poll.terminal(ssm, commandId, id).statusAsString()).isEqualTo("Success");
      assertThat(ping(ssm, id)).isEqualTo("Online");
    }
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void outputAfterAnExecutionTimeout_isLost(Isolation isolation) {
    SsmClient ssm = SSM.ssm(isolation);
    String id = SSM.emulator(isolation).instanceIds().get(0);
    String commandId =
        ssm.sendCommand(
                Poll.timed(
                        List.of(id),
                        10, // 0.2 s here
                        "echo early",
                        "(sleep 0.5; echo late) &",
                        "setsid sh -c 'sleep 0.5; echo escaped' &",
                        "sleep 30")
                    .build())
            .command()
            .commandId();

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

    assertThat(inv.statusDetails()).isEqualTo("ExecutionTimedOut");
    assertThat(inv.standardOutputContent()).isEqualTo("early\n");
    if (isolation == Isolation.SANDBOX) {
      assertThat(Processes.ofCommand(commandId)).as("even the setsid escapee").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void backgroundedChildHoldingStdout_keepsTheInvocationInProgressUntilItExits(Isolation isolation)
      throws Exception {
    SsmClient ssm = SSM.ssm(isolation);
    String id = SSM.emulator(isolation).instanceIds().get(2);
    String name = "/tmp/child-" + UUID.randomUUID();
    String commandId =
        Poll.send(
            ssm,
            List.of(id),
            "(until [ -e " + name + ".go ]; do sleep 0.05; done; echo late) &",
            "echo early",
            ": > " + name + ".started");
    run(ssm, id, "until [ -e " + name + ".started ]; do sleep 0.05; done");

    Poll.holds(Duration.ofMillis(300), () -> status(ssm, commandId, id).equals("InProgress"));
    run(ssm, id, ": > " + name + ".go");

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
    assertThat(inv.statusAsString()).isEqualTo("Success");
    assertThat(inv.standardOutputContent()).isEqualTo("early\nlate\n");
    run(ssm, id, "rm -f " + name + ".started " + name + ".go");
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void backgroundedChildThatNeverExits_timesOut(Isolation isolation) {
    SsmClient ssm = SSM.ssm(isolation);
    String id = SSM.emulator(isolation).instanceIds().get(1);
    String commandId =
        ssm.sendCommand(Poll.timed(List.of(id), 25, "sleep 60 &", "echo early").build()) // 0.5 s
            .command()
            .commandId();

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

    assertThat(inv.statusDetails()).isEqualTo("ExecutionTimedOut");
    assertThat(inv.responseCode()).isEqualTo(137);
    assertThat(inv.standardOutputContent()).isEqualTo("early\n");
    assertThat(Processes.ofCommand(commandId)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void daemonWithItsOutputRedirected_invocationEnds_andTheDaemonWithIt(Isolation isolation) {
    SsmClient ssm = SSM.ssm(isolation);
    String id = SSM.emulator(isolation).instanceIds().get(0);
    String commandId = Poll.send(ssm, List.of(id), "sleep 300 >/dev/null 2>&1 &", "echo started");

    GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);

    assertThat(inv.statusAsString()).isEqualTo("Success");
    assertThat(inv.standardOutputContent()).isEqualTo("started\n");
    if (isolation == Isolation.SANDBOX) {
      assertThat(Processes.ofCommand(commandId)).as("the namespace ended").isEmpty();
    } else {
      Poll.until(() -> Processes.ofCommand(commandId).isEmpty()); // its process group is killed
    }
  }

  private static Command finished(
      software.amazon.awssdk.services.ssm.model.SendCommandRequest.Builder request) {
    SsmClient ssm = SSM.ssm(ANY);
    String commandId = ssm.sendCommand(request.build()).command().commandId();
    Poll.until(
        () -> {
          Command c = command(ssm, commandId);
          return c.targetCount() > 0 && c.completedCount().equals(c.targetCount());
        });
    return command(ssm, commandId);
  }

  private static void run(SsmClient ssm, String id, String command) {
    GetCommandInvocationResponse inv = Poll.terminal(ssm, Poll.send(ssm, List.of(id), command), id);
    assertThat(inv.statusAsString()).as(inv.standardErrorContent()).isEqualTo("Success");
  }

  private static Command command(SsmClient ssm, String commandId) {
    return ssm.listCommands(b -> b.commandId(commandId)).commands().get(0);
  }

  private static String status(SsmClient ssm, String commandId, String id) {
    return ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(id)).statusAsString();
  }

  private static String ping(SsmClient ssm, String id) {
    return ssm.describeInstanceInformation(b -> b.filters(f -> f.key("InstanceIds").values(id)))
        .instanceInformationList()
        .get(0)
        .pingStatusAsString();
  }
}
