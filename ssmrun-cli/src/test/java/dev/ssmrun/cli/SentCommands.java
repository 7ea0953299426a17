package dev.ssmrun.cli;

import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;

/** Commands sent straight to an emulator with the SDK, as another tool would. */
final class SentCommands {
  private SentCommands() {}

  /** Sends {@code script} to {@code instanceIds}; with {@code cloudWatch}, output goes to Logs. */
  static String send(SsmEmulator emulator, String script, boolean cloudWatch, List<String> ids) {
    try (SsmClient ssm = emulator.newSsmClient()) {
      return ssm.sendCommand(
              r ->
                  r.documentName("AWS-RunShellScript")
                      .instanceIds(ids)
                      .parameters(Map.of("commands", List.of(script)))
                      .cloudWatchOutputConfig(c -> c.cloudWatchOutputEnabled(cloudWatch)))
          .command()
          .commandId();
    }
  }

  /** Polls the emulator (bounded) until every invocation of {@code commandId} is terminal. */
  static String awaitEnded(SsmEmulator emulator, String commandId) throws InterruptedException {
    try (SsmClient ssm = emulator.newSsmClient()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        List<CommandInvocation> invocations =
            ssm.listCommandInvocations(r -> r.commandId(commandId)).commandInvocations();
        if (!invocations.isEmpty()
            && invocations.stream()
                .noneMatch(
                    i -> i.statusAsString().matches("Pending|InProgress|Delayed|Cancelling"))) {
          return invocations.get(0).statusAsString();
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
      return "still running";
    }
  }

  /** Polls (bounded) until {@code instanceId} started the script {@code count} times. */
  static void awaitExecutions(SsmEmulator emulator, String instanceId, int count)
      throws InterruptedException {
    for (int i = 0; i < 600 && emulator.state().executionCount(instanceId) < count; i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** SSM's status of {@code commandId} on {@code instanceId}, now. */
  static String status(SsmEmulator emulator, String commandId, String instanceId) {
    try (SsmClient ssm = emulator.newSsmClient()) {
      return ssm.listCommandInvocations(r -> r.commandId(commandId).instanceId(instanceId))
          .commandInvocations()
          .get(0)
          .statusAsString();
    }
  }

  /** Cancels {@code commandId} everywhere (clean-up of tests that leave it running). */
  static void cancel(SsmEmulator emulator, String commandId) {
    try (SsmClient ssm = emulator.newSsmClient()) {
      ssm.cancelCommand(r -> r.commandId(commandId));
    }
  }
}
