package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.InstanceSpec;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Live output against the emulator's agents and CloudWatch Logs (issue 11). */
class LiveOutputIT {
  /** Collects each instance's chunks per stream, and when the first arrived. */
  private static final class Collector implements ProgressListener {
    final Map<String, StringBuilder> text = new ConcurrentHashMap<>();
    final Map<String, Instant> first = new ConcurrentHashMap<>();
    final Map<String, Instant> completed = new ConcurrentHashMap<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void onOutput(OutputChunk chunk) {
      String key = chunk.instanceId() + "/" + chunk.stream();
      text.computeIfAbsent(key, k -> new StringBuilder()).append(chunk.text());
      first.putIfAbsent(chunk.instanceId(), Instant.now());
    }

    @Override
    public void onInvocationCompleted(InvocationResult invocation) {
      completed.put(invocation.instanceId(), Instant.now());
    }

    @Override
    public synchronized void onWarning(String warning) {
      warnings.add(warning);
    }

    synchronized String of(String instanceId, OutputChunk.Stream stream) {
      StringBuilder s = text.get(instanceId + "/" + stream);
      return s == null ? "" : s.toString();
    }
  }

  private static SsmEmulator emulator(String faults, InstanceSpec... extra) {
    SsmEmulator.Builder b =
        SsmEmulator.builder().instances(3).visibilityDelay(Duration.ofMillis(50)).faults(faults);
    for (InstanceSpec spec : extra) {
      b.addInstance(spec);
    }
    return b.start();
  }

  private static RunRequest.Builder follow(List<String> ids, String script) {
    return RunRequest.builder().instanceIds(ids).script(script).followOutput(true);
  }

  @Test
  void lineEverySecond_seenWhileRunning_andExactlyTheFinalOutput() {
    try (SsmEmulator emu = emulator("seed=1");
        SsmRunner runner = Emulators.runner(emu)) {
      Collector seen = new Collector();

      CommandResult result =
          runner.run(
              follow(
                      emu.instanceIds(),
                      "for i in 1 2 3 4 5 6 7 8 9 10; do echo \"line $i\"; echo \"err $i\" >&2;"
                          + " sleep 1; done")
                  .build(),
              seen);

      assertThat(result.isSuccessful()).isTrue();
      for (InvocationResult r : result.invocations()) {
        assertThat(seen.of(r.instanceId(), OutputChunk.Stream.STDOUT)).isEqualTo(r.stdout());
        assertThat(seen.of(r.instanceId(), OutputChunk.Stream.STDERR)).isEqualTo(r.stderr());
        assertThat(r.stdout()).startsWith("line 1\n").endsWith("line 10\n");
        // The first lines reached the listener well before the instance was done.
        assertThat(seen.first.get(r.instanceId()))
            .isBefore(seen.completed.get(r.instanceId()).minusSeconds(3));
      }
      assertThat(seen.warnings).isEmpty();
    }
  }

  @Test
  void outputPast24000Characters_withoutOutputBucket_isCompleteFromLateEvents() {
    try (SsmEmulator emu = emulator("seed=2");
        SsmRunner runner = Emulators.runner(emu)) {
      Collector seen = new Collector();
      String id = emu.instanceIds().get(0);

      CommandResult result = runner.run(follow(List.of(id), "seq 1 8000; echo done").build(), seen);

      String expected = seqThrough(8000) + "done\n";
      InvocationResult only = result.invocations().get(0);
      assertThat(seen.of(id, OutputChunk.Stream.STDOUT)).isEqualTo(expected);
      assertThat(only.stdout()).isEqualTo(expected);
      assertThat(only.stdoutTruncated()).isFalse();
    }
  }

  @Test
  void logsThrottled_linesDelayedButNoneLost() {
    try (SsmEmulator emu = emulator("FilterLogEvents:throttle=0.6,seed=3");
        SsmRunner runner = Emulators.runner(emu)) {
      Collector seen = new Collector();

      CommandResult result =
          runner.run(
              follow(emu.instanceIds(), "for i in 1 2 3 4 5; do echo \"n $i\"; sleep 1; done")
                  .build(),
              seen);

      assertThat(emu.state().callCount("FilterLogEvents", "ThrottlingException")).isPositive();
      for (InvocationResult r : result.invocations()) {
        assertThat(seen.of(r.instanceId(), OutputChunk.Stream.STDOUT))
            .isEqualTo(r.stdout())
            .isEqualTo("n 1\nn 2\nn 3\nn 4\nn 5\n");
      }
    }
  }

  @Test
  void logsAccessDenied_outcomeUnchangedWithOneWarning() {
    try (SsmEmulator emu = emulator("FilterLogEvents:deny=1,seed=4");
        SsmRunner runner = Emulators.runner(emu)) {
      Collector seen = new Collector();

      CommandResult result =
          runner.run(follow(emu.instanceIds(), "sleep 2; echo hi; exit 3").build(), seen);

      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.warnings()).singleElement().asString().contains("AccessDenied");
      assertThat(seen.warnings).hasSize(1);
      emu.instanceIds()
          .forEach(id -> assertThat(seen.of(id, OutputChunk.Stream.STDOUT)).isEqualTo("hi\n"));
    }
  }

  @Test
  void instancesWithoutLogsAccess_groupNeverAppears_outputStillExactlyOnce() {
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(0)
                .addInstance(InstanceSpec.builder().cloudWatchLogs(false).build())
                .start();
        SsmRunner runner = Emulators.runner(emu)) {
      Collector seen = new Collector();
      String id = emu.instanceIds().get(0);

      CommandResult result =
          runner.run(
              follow(List.of(id), "echo a; echo b")
                  .cloudWatchOutput("/ssmrun/never-" + System.nanoTime())
                  .build(),
              seen);

      assertThat(result.isSuccessful()).isTrue();
      assertThat(seen.of(id, OutputChunk.Stream.STDOUT)).isEqualTo("a\nb\n");
    }
  }

  private static String seqThrough(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      s.append(i).append('\n');
    }
    return s.toString();
  }

  /** For debugging a failure: the text per key. */
  @SuppressWarnings("unused") // Kept for the next person debugging a live-output failure.
  private static Map<String, String> dump(Collector c) {
    Map<String, String> out = new TreeMap<>();
    c.text.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }
}
