package dev.ssmrun.bench.emulator;

import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.SsmEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * What the sandbox costs, measured side by side with the shared host in one run.
 *
 * <ol>
 *   <li>{@code overhead}: per invocation of {@code true}, RequestedDateTime to the end the agent
 *       reports, for a sandboxed and a shared-host emulator in alternating rounds, one invocation
 *       at a time (the goal: the sandbox adds at most 20 ms at p50) and, for information, 10 at a
 *       time (10 sandboxes competing for the cores).
 *   <li>{@code fleet}: 1,000 sandboxed instances run {@code true} (20 commands of 50 ids); every
 *       invocation must succeed. Twice: the first round also builds each instance's sandbox.
 * </ol>
 *
 * <p>Run with {@code ssmrun-bench/run emulator isolation}. Takes about a minute on 2 cores. Not a
 * test: timing belongs here.
 */
public final class IsolationBenchmark {
  private static final int ROUNDS = 100;
  private static final int INSTANCES = 10;
  private static final int FLEET = 1_000;
  private static final double GOAL_MS = 20;

  private IsolationBenchmark() {}

  /** Prints the figures and whether each goal was met. */
  public static void main(String[] args) {
    System.out.printf("cores: %d%n", Runtime.getRuntime().availableProcessors());
    boolean overheadMet = overhead();
    boolean fleetMet = fleet();
    System.out.println(
        "goal sandbox overhead per invocation <= "
            + GOAL_MS
            + " ms (p50, one at a time): "
            + (overheadMet ? "met" : "MISSED"));
    System.out.println(
        "goal " + FLEET + " sandboxed instances run true: " + (fleetMet ? "met" : "MISSED"));
  }

  private static boolean overhead() {
    try (SsmEmulator sandbox = start(Isolation.SANDBOX, INSTANCES);
        SsmEmulator shared = start(Isolation.SHARED_HOST, INSTANCES);
        SsmClient sandboxSsm = sandbox.newSsmClient();
        SsmClient sharedSsm = shared.newSsmClient()) {
      for (int i = 0; i < 5; i++) { // warm up: JIT, clients, the instances' sandboxes
        latencies(sandboxSsm, sandbox.instanceIds());
        latencies(sharedSsm, shared.instanceIds());
      }
      boolean met = false;
      for (int width : new int[] {1, INSTANCES}) {
        List<Double> inSandbox = new ArrayList<>();
        List<Double> onHost = new ArrayList<>();
        double[] cpu = new double[2]; // ms of the scripts' processes: sandbox, shared host
        for (int round = 0; round < ROUNDS; round++) {
          double before = childCpuMillis();
          inSandbox.addAll(latencies(sandboxSsm, sandbox.instanceIds().subList(0, width)));
          double between = childCpuMillis();
          onHost.addAll(latencies(sharedSsm, shared.instanceIds().subList(0, width)));
          cpu[0] += between - before;
          cpu[1] += childCpuMillis() - between;
        }
        double added =
            EmulatorBenchmark.percentile(inSandbox, 50) - EmulatorBenchmark.percentile(onHost, 50);
        System.out.printf(
            "%2d at a time, SendCommand -> end reported: shared host p50 %.1f ms p90 %.1f ms,"
                + " sandbox p50 %.1f ms p90 %.1f ms: sandbox adds %.1f ms at p50 (%d each)%n",
            width,
            EmulatorBenchmark.percentile(onHost, 50),
            EmulatorBenchmark.percentile(onHost, 90),
            EmulatorBenchmark.percentile(inSandbox, 50),
            EmulatorBenchmark.percentile(inSandbox, 90),
            added,
            inSandbox.size());
        System.out.printf(
            "   CPU of the processes per invocation: shared host %.1f ms, sandbox %.1f ms%n",
            cpu[1] / onHost.size(), cpu[0] / inSandbox.size());
        if (width == 1) {
          met = added <= GOAL_MS;
        }
      }
      return met;
    }
  }

  private static boolean fleet() {
    long start = System.nanoTime();
    try (SsmEmulator emu = start(Isolation.SANDBOX, FLEET);
        SsmClient ssm = emu.newSsmClient()) {
      System.out.printf(
          "fleet: %d sandboxed instances started in %.1f s%n",
          FLEET, (System.nanoTime() - start) / 1e9);
      boolean met = true;
      for (String round : List.of("first (builds the sandboxes)", "second")) {
        long began = System.nanoTime();
        List<String> commandIds = new ArrayList<>();
        List<String> ids = emu.instanceIds();
        for (int from = 0; from < ids.size(); from += 50) {
          commandIds.add(
              EmulatorBenchmark.send(ssm, ids.subList(from, Math.min(ids.size(), from + 50)))
                  .commandId());
        }
        Map<String, Integer> statuses = settle(ssm, commandIds);
        System.out.printf(
            "fleet %s round: %s in %.1f s%n", round, statuses, (System.nanoTime() - began) / 1e9);
        met &= statuses.equals(Map.of("Success", FLEET));
      }
      return met;
    }
  }

  /**
   * CPU time (user + system) of this JVM's finished child processes and the descendants they
   * waited for, in ms: {@code cutime} and {@code cstime} of {@code /proc/self/stat}, 100 ticks/s.
   */
  private static double childCpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10.0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SendCommand to {@code ids}, then per invocation the time to its reported end, in ms. */
  private static List<Double> latencies(SsmClient ssm, List<String> ids) {
    Command command = EmulatorBenchmark.send(ssm, ids);
    Instant requested = command.requestedDateTime();
    List<Double> out = new ArrayList<>();
    for (String id : ids) {
      GetCommandInvocationResponse inv = awaitInvocation(ssm, command.commandId(), id);
      if (!inv.statusAsString().equals("Success")) {
        throw new IllegalStateException("`true` did not succeed: " + inv.statusDetails());
      }
      Instant end = Instant.parse(inv.executionEndDateTime());
      out.add(Duration.between(requested, end).toNanos() / 1e6);
    }
    return out;
  }

  private static GetCommandInvocationResponse awaitInvocation(
      SsmClient ssm, String commandId, String id) {
    while (true) {
      GetCommandInvocationResponse inv =
          ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(id));
      if (!inv.statusAsString().equals("Pending") && !inv.statusAsString().equals("InProgress")) {
        return inv;
      }
      EmulatorBenchmark.pause(5);
    }
  }

  /** Waits until every invocation of the commands has ended; counts them per status. */
  private static Map<String, Integer> settle(SsmClient ssm, List<String> commandIds) {
    for (int attempt = 0; attempt < 1_200; attempt++) {
      Map<String, Integer> statuses = new TreeMap<>();
      for (String commandId : commandIds) {
        ssm.listCommandInvocationsPaginator(b -> b.commandId(commandId).maxResults(50))
            .commandInvocations()
            .forEach((CommandInvocation i) -> statuses.merge(i.statusAsString(), 1, Integer::sum));
      }
      int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
      if (total == FLEET
          && !statuses.containsKey("Pending")
          && !statuses.containsKey("InProgress")) {
        return statuses;
      }
      EmulatorBenchmark.pause(250);
    }
    throw new IllegalStateException("the fleet did not finish within 5 minutes");
  }

  private static SsmEmulator start(Isolation isolation, int instances) {
    return SsmEmulator.builder()
        .instances(instances)
        .visibilityDelay(Duration.ZERO)
        .isolation(isolation)
        .start();
  }
}
