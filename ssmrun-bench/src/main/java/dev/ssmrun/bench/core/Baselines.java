package dev.ssmrun.bench.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.waiters.SsmWaiter;

/**
 * The two common ways to wait that ssmrun is measured against: a per-instance loop (pause 1 s,
 * then GetCommandInvocation for every unfinished instance every 3 s, rounds starting 3 s apart or
 * at once when a round took longer), and the SDK's SsmWaiter
 * (CommandExecuted: GetCommandInvocation every 5 s, one waiter per instance).
 */
final class Baselines {
  private static final Set<String> TERMINAL = Set.of("Success", "Failed", "TimedOut", "Cancelled");

  /** When each instance was seen finished, and its end time as SSM reported it. */
  record Seen(Instant detected, Instant ended) {}

  private Baselines() {}

  static String sendCommand(SsmClient ssm, List<String> ids, String script) {
    return ssm.sendCommand(
            b ->
                b.documentName("AWS-RunShellScript")
                    .instanceIds(ids)
                    .parameters(Map.of("commands", List.of(script))))
        .command()
        .commandId();
  }

  /** The per-instance loop; returns what it saw per instance. */
  static Map<String, Seen> perInstanceLoop(
      SsmClient ssm, Map<String, List<String>> commands, Clock clock) throws InterruptedException {
    Map<String, Seen> seen = new LinkedHashMap<>();
    int total = commands.values().stream().mapToInt(List::size).sum();
    Thread.sleep(1000);
    while (seen.size() < total) {
      Instant roundStart = clock.instant();
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        for (String id : command.getValue()) {
          if (!seen.containsKey(id)) {
            poll(ssm, command.getKey(), id, clock, seen);
          }
        }
      }
      // Each instance is polled every 3 s: the next round starts 3 s after this one started.
      long left = 3000 - Duration.between(roundStart, clock.instant()).toMillis();
      if (seen.size() < total && left > 0) {
        Thread.sleep(left);
      }
    }
    return seen;
  }

  private static void poll(
      SsmClient ssm, String commandId, String id, Clock clock, Map<String, Seen> seen) {
    try {
      GetCommandInvocationResponse r =
          ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(id));
      if (TERMINAL.contains(r.statusAsString())) {
        seen.put(id, new Seen(clock.instant(), Instant.parse(r.executionEndDateTime())));
      }
    } catch (InvocationDoesNotExistException e) {
      // Not visible yet: try again next round, as such loops do.
    }
  }

  /** One SsmWaiter per instance, all in parallel (sequential waiting would be far worse). */
  static Map<String, Seen> sdkWaiter(SsmClient ssm, String commandId, List<String> ids, Clock clock)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(ids.size());
    try (SsmWaiter waiter = SsmWaiter.builder().client(ssm).build()) {
      List<Future<Seen>> futures = new ArrayList<>();
      for (String id : ids) {
        futures.add(
            pool.submit(
                () -> {
                  waiter.waitUntilCommandExecuted(b -> b.commandId(commandId).instanceId(id));
                  Instant detected = clock.instant();
                  GetCommandInvocationResponse r =
                      ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(id));
                  return new Seen(detected, Instant.parse(r.executionEndDateTime()));
                }));
      }
      Map<String, Seen> seen = new LinkedHashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        seen.put(ids.get(i), futures.get(i).get());
      }
      return seen;
    } finally {
      pool.shutdownNow();
    }
  }

  static Duration latency(Seen s) {
    return Duration.between(s.ended(), s.detected());
  }
}
