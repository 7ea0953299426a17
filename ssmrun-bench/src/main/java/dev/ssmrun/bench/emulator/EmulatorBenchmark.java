package dev.ssmrun.bench.emulator;

import dev.ssmrun.emulator.SsmEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * Measures the emulator's own overhead and throughput, with 10 instances running {@code true}.
 *
 * <ol>
 *   <li>Overhead: per invocation, (terminal time − RequestedDateTime) − the run time of the
 *       same process started directly ({@code setsid sh -c script}, median of local runs). Goal:
 *       p50 ≤ 50 ms.
 *   <li>Throughput: SendCommand calls per second from several client threads. Goal: ≥ 200/s.
 * </ol>
 *
 * <p>Run (after {@code mvn -q install -DskipTests}): {@code mvn -q -pl ssmrun-bench
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=dev.ssmrun.bench.emulator.EmulatorBenchmark}. Takes about 40 s. Not a test:
 * timing belongs here.
 */
public final class EmulatorBenchmark {
  private static final int INSTANCES = 10;
  private static final int LATENCY_ROUNDS = 30;
  private static final int THROUGHPUT_CALLS = 2_000;
  private static final int THREADS = 8;

  private EmulatorBenchmark() {}

  /**
   * Prints the figures and whether each goal was met; {@code isolation} as the first argument
   * runs {@link IsolationBenchmark} instead.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("isolation")) {
      IsolationBenchmark.main(args);
      return;
    }
    double processMs = baselineProcessMillis(10);
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(INSTANCES).visibilityDelay(Duration.ZERO).start();
        SsmClient ssm = emu.newSsmClient()) {
      warmUp(ssm, emu);
      List<Double> overhead = overheadMillis(ssm, emu, processMs);
      double rate = sendRate(emu);
      double p50 = percentile(overhead, 50);
      System.out.printf(
          "process run time (setsid sh -c true, 10 at a time), median: %.1f ms%n", processMs);
      System.out.printf(
          "overhead SendCommand -> terminal status beyond process time:"
              + " p50 %.1f ms, p90 %.1f ms, max %.1f ms (%d invocations)%n",
          p50, percentile(overhead, 90), percentile(overhead, 100), overhead.size());
      System.out.printf(
          "SendCommand throughput: %.0f calls/s (%d calls, %d threads, %d cores)%n",
          rate, THROUGHPUT_CALLS, THREADS, Runtime.getRuntime().availableProcessors());
      System.out.println("invocation statuses after the throughput run: " + settle(emu));
      System.out.println("goal p50 overhead <= 50 ms: " + (p50 <= 50 ? "met" : "MISSED"));
      System.out.println("goal >= 200 SendCommand/s: " + (rate >= 200 ? "met" : "MISSED"));
    }
  }

  /**
   * Median wall time of {@code true} started the way the agent starts it, {@link #INSTANCES} at
   * a time (as the emulator runs them), without the emulator.
   */
  private static double baselineProcessMillis(int rounds) throws Exception {
    Path dir = Files.createTempDirectory("ssmrun-bench-");
    Path script = dir.resolve("_script.sh");
    Files.writeString(script, "true\n");
    script.toFile().setExecutable(true, true);
    List<Double> times = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
    for (int round = 0; round < rounds; round++) {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        Path out = dir.resolve("out-" + i);
        runs.add(
            pool.submit(
                () -> {
                  long start = System.nanoTime();
                  new ProcessBuilder("setsid", "sh", "-c", "'" + script + "'")
                      .redirectOutput(out.toFile())
                      .redirectError(out.toFile())
                      .start()
                      .waitFor();
                  times.add((System.nanoTime() - start) / 1e6);
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    }
    pool.shutdown();
    try (var paths = Files.walk(dir)) {
      paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return percentile(times, 50);
  }

  private static void warmUp(SsmClient ssm, SsmEmulator emu) {
    for (int i = 0; i < 20; i++) {
      awaitAll(ssm, send(ssm, emu.instanceIds()), emu.instanceIds());
    }
  }

  private static List<Double> overheadMillis(SsmClient ssm, SsmEmulator emu, double processMs) {
    List<Double> out = new ArrayList<>();
    for (int round = 0; round < LATENCY_ROUNDS; round++) {
      Command command = send(ssm, emu.instanceIds());
      Instant requested = command.requestedDateTime();
      for (GetCommandInvocationResponse inv : awaitAll(ssm, command, emu.instanceIds())) {
        if (!inv.statusAsString().equals("Success")) {
          throw new IllegalStateException(
              "`true` did not succeed: "
                  + inv.statusDetails()
                  + " "
                  + inv.responseCode()
                  + " "
                  + inv.standardErrorContent());
        }
        Instant end = Instant.parse(inv.executionEndDateTime());
        out.add(Duration.between(requested, end).toNanos() / 1e6 - processMs);
      }
    }
    return out;
  }

  private static double sendRate(SsmEmulator emu) throws Exception {
    List<String> ids = emu.instanceIds();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    long cpuStart = cpuNanos();
    for (int t = 0; t < THREADS; t++) {
      workers.add(
          pool.submit(
              () -> {
                try (SsmClient client = emu.newSsmClient()) {
                  for (int n = next.getAndIncrement();
                      n < THROUGHPUT_CALLS;
                      n = next.getAndIncrement()) {
                    send(client, List.of(ids.get(n % ids.size())));
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "JVM CPU per SendCommand (client and emulator, without the scripts): %.2f ms%n",
        (cpuNanos() - cpuStart) / 1e6 / THROUGHPUT_CALLS);
    pool.shutdown();
    return THROUGHPUT_CALLS / seconds;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Waits until nothing is Pending or InProgress and returns the count per status. */
  private static Map<String, Integer> settle(SsmEmulator emu) {
    for (int i = 0; i < 2_400; i++) {
      Map<String, Integer> statuses = emu.state().invocations();
      if (!statuses.containsKey("Pending") && !statuses.containsKey("InProgress")) {
        if (statuses.keySet().size() != 1 || !statuses.containsKey("Success")) {
          throw new IllegalStateException("some invocations did not succeed: " + statuses);
        }
        return statuses;
      }
      pause();
    }
    throw new IllegalStateException("invocations still running after 60 s");
  }

  static Command send(SsmClient ssm, List<String> ids) {
    return ssm.sendCommand(
            b ->
                b.documentName("AWS-RunShellScript")
                    .instanceIds(ids)
                    .parameters(Map.of("commands", List.of("true"))))
        .command();
  }

  private static List<GetCommandInvocationResponse> awaitAll(
      SsmClient ssm, Command command, List<String> ids) {
    List<GetCommandInvocationResponse> done = new ArrayList<>();
    for (String id : ids) {
      while (true) {
        GetCommandInvocationResponse inv =
            ssm.getCommandInvocation(b -> b.commandId(command.commandId()).instanceId(id));
        if (inv.statusAsString().equals("Success") || inv.statusAsString().equals("Failed")) {
          done.add(inv);
          break;
        }
        pause(); // polling flat out would steal the CPU the processes need
      }
    }
    return done;
  }

  private static void pause() {
    pause(25);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static double percentile(List<Double> values, int percent) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
