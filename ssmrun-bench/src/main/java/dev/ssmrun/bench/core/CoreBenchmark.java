package dev.ssmrun.bench.core;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.EmulatorState;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Measures ssmrun's waiting side by side with a per-instance GetCommandInvocation loop and the
 * SDK's SsmWaiter, against the emulator: detection latency, API calls for 500 instances, and 1,000
 * instances under throttling. Run: {@code java -cp CLASSPATH dev.ssmrun.bench.core.CoreBenchmark}
 * (arguments {@code latency}, {@code calls}, {@code throttled} pick parts; none: all).
 */
public final class CoreBenchmark {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final Duration VISIBILITY = Duration.ofMillis(50);

  private CoreBenchmark() {}

  /** Runs every measurement and prints the figures. */
  public static void main(String[] args) throws Exception {
    List<String> only = List.of(args);
    if (only.isEmpty() || only.contains("latency")) {
      latency(20, 3);
    }
    if (only.isEmpty() || only.contains("calls")) {
      for (int seconds : new int[] {3, 20}) {
        apiCalls(500, seconds);
      }
    }
    if (only.isEmpty() || only.contains("throttled")) {
      throttled(1000, 2);
    }
  }

  private static SsmEmulator emulator(int instances, String faults) {
    return SsmEmulator.builder()
        .instances(instances)
        .visibilityDelay(VISIBILITY)
        .faults(faults)
        .start();
  }

  /** Instances sleep 0.5 to 3 s each; how long after its end does each approach notice? */
  static void latency(int instances, int rounds) throws Exception {
    Samples ssmrun = new Samples();
    Samples loop = new Samples();
    Samples waiter = new Samples();
    Random random = new Random(1);
    try (SsmEmulator emu = emulator(instances, "");
        SsmClient ssm = emu.newSsmClient();
        SsmRunner runner = SsmRunner.builder().ssmClient(ssm).build()) {
      for (int round = 0; round < rounds; round++) {
        String script = sleepScript(emu.instanceIds(), random);
        ssmrunLatency(runner, emu.instanceIds(), script).forEach(ssmrun::add);
        String id = Baselines.sendCommand(ssm, emu.instanceIds(), script);
        Baselines.perInstanceLoop(ssm, Map.of(id, emu.instanceIds()), CLOCK)
            .values()
            .forEach(s -> loop.add(Baselines.latency(s)));
        id = Baselines.sendCommand(ssm, emu.instanceIds(), script);
        Baselines.sdkWaiter(ssm, id, emu.instanceIds(), CLOCK)
            .values()
            .forEach(s -> waiter.add(Baselines.latency(s)));
      }
    }
    System.out.println("== Detection latency after the instance finished (0.5-3 s commands)");
    System.out.println("  ssmrun              " + ssmrun);
    System.out.println("  per-instance loop   " + loop);
    System.out.println("  SDK SsmWaiter       " + waiter);
  }

  private static String sleepScript(List<String> ids, Random random) {
    StringBuilder s = new StringBuilder("case $AWS_SSM_INSTANCE_ID in\n");
    for (String id : ids) {
      s.append(String.format("%s) sleep %.2f;;%n", id, 0.5 + 2.5 * random.nextDouble()));
    }
    return s.append("esac").toString();
  }

  private static List<Duration> ssmrunLatency(SsmRunner runner, List<String> ids, String script) {
    Map<String, Instant> detected = new ConcurrentHashMap<>();
    RunHandle handle =
        runner.start(
            RunRequest.builder().instanceIds(ids).script(script).strictMode(false).build());
    handle.addListener(
        new ProgressListener() {
          @Override
          public void onInvocationCompleted(InvocationResult invocation) {
            detected.put(invocation.instanceId(), CLOCK.instant());
          }
        });
    List<Duration> latencies = new ArrayList<>();
    for (InvocationResult r : handle.await().invocations()) {
      Instant seen = detected.get(r.instanceId());
      if (seen != null && r.endTime().isPresent()) {
        latencies.add(Duration.between(r.endTime().get(), seen));
      }
    }
    return latencies;
  }

  /** API calls to run {@code sleep seconds} on {@code instances}: ssmrun vs the loop. */
  static void apiCalls(int instances, int seconds) throws Exception {
    String script = "sleep " + seconds;
    try (SsmEmulator emu = emulator(instances, "");
        SsmClient ssm = emu.newSsmClient();
        SsmRunner runner = SsmRunner.builder().ssmClient(ssm).build()) {
      int before = totalCalls(emu.state());
      CommandResult result =
          runner.run(RunRequest.builder().instanceIds(emu.instanceIds()).script(script).build());
      int ours = totalCalls(emu.state()) - before;
      String breakdown = byOperation(emu.state());
      before = totalCalls(emu.state());
      Map<String, List<String>> commands = new LinkedHashMap<>();
      for (int i = 0; i < instances; i += 50) {
        List<String> chunk = emu.instanceIds().subList(i, Math.min(instances, i + 50));
        commands.put(Baselines.sendCommand(ssm, chunk, script), chunk);
      }
      Baselines.perInstanceLoop(ssm, commands, CLOCK);
      int theirs = totalCalls(emu.state()) - before;
      System.out.printf(
          "== API calls, %d instances, a %d s command (ssmrun ok=%s)%n",
          instances, seconds, result.isSuccessful());
      System.out.printf(
          "  ssmrun %d calls, per-instance loop %d calls: ratio 1/%.1f%n",
          ours, theirs, (double) theirs / ours);
      System.out.println("  ssmrun calls by operation: " + breakdown);
      printProblems(result);
    }
  }

  private static String byOperation(EmulatorState state) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    state.calls().keySet().forEach(op -> counts.put(op, state.callCount(op)));
    return counts.toString();
  }

  private static void printProblems(CommandResult result) {
    result.invocations().stream()
        .filter(r -> !r.isSuccessful())
        .limit(3)
        .forEach(
            r ->
                System.out.printf(
                    "  not successful: %s %s/%s exit %d%n",
                    r.instanceId(), r.status(), r.statusDetails(), r.exitCode()));
  }

  private static int totalCalls(EmulatorState state) {
    return state.calls().keySet().stream().mapToInt(state::callCount).sum();
  }

  /** 1,000 instances with 20% of calls throttled: time beyond the command's own duration. */
  static void throttled(int instances, int seconds) {
    try (SsmEmulator emu = emulator(instances, "throttle=0.2,seed=5");
        SsmRunner runner = SsmRunner.builder().ssmClient(emu.newSsmClient()).build()) {
      Instant start = CLOCK.instant();
      String error = "none";
      CommandResult result = null;
      try {
        result =
            runner.run(
                RunRequest.builder()
                    .instanceIds(emu.instanceIds())
                    .script("sleep " + seconds)
                    .build());
      } catch (RuntimeException e) {
        error = e.toString();
      }
      Instant done = CLOCK.instant();
      EmulatorState state = emu.state();
      System.out.printf(
          "== %d instances, %d s command, 20%% of calls throttled%n", instances, seconds);
      System.out.printf(
          "  total %d ms, error reaching caller: %s%n",
          Duration.between(start, done).toMillis(), error);
      if (result != null) {
        Instant lastEnd =
            result.invocations().stream()
                .map(r -> r.endTime().orElse(start))
                .max(Instant::compareTo)
                .orElse(start);
        System.out.printf(
            "  succeeded %d/%d, last instance ended %d ms after the start (the"
                + " emulator starts 1,000 processes), noticed %d ms later; throttled calls %d%n",
            result.countsByOutcome().get(dev.ssmrun.Outcome.SUCCESS),
            instances,
            Duration.between(start, lastEnd).toMillis(),
            Duration.between(lastEnd, done).toMillis(),
            state.calls().values().stream()
                .mapToInt(m -> m.getOrDefault("ThrottlingException", 0))
                .sum());
        printProblems(result);
      }
    }
  }
}
