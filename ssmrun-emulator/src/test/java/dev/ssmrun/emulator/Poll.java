package dev.ssmrun.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** Test helpers that poll a running emulator through the real SDK client. */
final class Poll {
  private static final Set<String> TERMINAL = Set.of("Success", "Failed", "TimedOut", "Cancelled");
  private static final Duration LIMIT = Duration.ofSeconds(20);

  private Poll() {}

  /** Sends AWS-RunShellScript with {@code commands} to {@code ids}; returns the command id. */
  static String send(SsmClient ssm, List<String> ids, String... commands) {
    return ssm.sendCommand(shell(ids, commands).build()).command().commandId();
  }

  /** Sends AWS-RunShellScript with these document parameters to one instance. */
  static String send(SsmClient ssm, String instanceId, Map<String, List<String>> parameters) {
    return ssm.sendCommand(shell(List.of(instanceId)).parameters(parameters).build())
        .command()
        .commandId();
  }

  static SendCommandRequest.Builder shell(List<String> ids, String... commands) {
    return SendCommandRequest.builder()
        .documentName("AWS-RunShellScript")
        .instanceIds(ids)
        .parameters(Map.of("commands", List.of(commands)));
  }

  /** AWS-RunShellScript with {@code commands} and an executionTimeout (in seconds) to {@code ids}. */
  static SendCommandRequest.Builder timed(
      List<String> ids, int executionTimeout, String... commands) {
    return shell(ids)
        .parameters(
            Map.of(
                "commands",
                List.of(commands),
                "executionTimeout",
                List.of(Integer.toString(executionTimeout))));
  }

  /** Polls GetCommandInvocation until the status is terminal. */
  static GetCommandInvocationResponse terminal(SsmClient ssm, String commandId, String instanceId) {
    GetCommandInvocationResponse[] last = new GetCommandInvocationResponse[1];
    until(
        () -> {
          try {
            last[0] = ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(instanceId));
            return TERMINAL.contains(last[0].statusAsString());
          } catch (InvocationDoesNotExistException e) {
            return false;
          }
        });
    return last[0];
  }

  /** Checks that {@code condition} holds on every look during {@code period}. */
  static void holds(Duration period, BooleanSupplier condition) {
    long end = System.nanoTime() + period.toNanos();
    do {
      if (!condition.getAsBoolean()) {
        throw new AssertionError("condition broken within " + period);
      }
      pause();
    } while (System.nanoTime() < end);
  }

  /** Waits until {@code condition} holds, failing after 20 seconds. */
  static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + LIMIT);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(10); // Integration tests watch a real server; unit tests never sleep.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
