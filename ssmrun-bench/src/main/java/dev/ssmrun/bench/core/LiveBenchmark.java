package dev.ssmrun.bench.core;

import dev.ssmrun.CommandResult;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.SsmEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Live output (issue 11) against the emulator, whose agents upload every second: the latency
 * from a line being written on the instance to the listener (goal: p50 at most 1.5 s), and the
 * Logs calls per minute for 1, 50 and 500 instances (goal: at most one paged call per tick for
 * the whole fleet). Run: {@code ssmrun-bench/run live [latency] [calls]}.
 */
public final class LiveBenchmark {
  private LiveBenchmark() {}

  /** Runs the measurements and prints the figures. */
  public static void main(String[] args) {
    List<String> only = List.of(args);
    if (only.isEmpty() || only.contains("latency")) {
      latency(3, 20);
    }
    if (only.isEmpty() || only.contains("calls")) {
      for (int instances : new int[] {1, 50, 500}) {
        calls(instances, Duration.ofSeconds(30));
      }
    }
  }

  /** Each instance writes its wall-clock time in ms, {@code lines} times, 0.7 s apart. */
  static void latency(int instances, int lines) {
    Samples samples = new Samples();
    try (SsmEmulator emu = SsmEmulator.builder().instances(instances).start();
        Clients c = new Clients(emu);
        SsmRunner runner = c.runner()) {
      ProgressListener listener =
          new ProgressListener() {
            @Override
            public void onOutput(OutputChunk chunk) {
              long now = Instant.now().toEpochMilli();
              synchronized (samples) {
                chunk.text().lines().forEach(l -> samples.add(Duration.ofMillis(now - parse(l))));
              }
            }
          };
      runner.run(
          RunRequest.builder()
              .instanceIds(emu.instanceIds())
              .script("for i in $(seq " + lines + "); do date +%s%3N; sleep 0.7; done")
              .followOutput(true)
              .build(),
          listener);
    }
    System.out.println(
        "== Live latency, line written on the instance -> listener (goal p50 <= 1.5 s)");
    System.out.println("  " + samples);
  }

  /** A fleet printing a line a second for {@code length}: Logs calls per minute and per tick. */
  static void calls(int instances, Duration length) {
    try (SsmEmulator emu = SsmEmulator.builder().instances(instances).start();
        Clients c = new Clients(emu);
        SsmRunner runner = c.runner()) {
      Instant start = Instant.now();
      CommandResult result =
          runner.run(
              RunRequest.builder()
                  .instanceIds(emu.instanceIds())
                  .script("for i in $(seq " + length.toSeconds() + "); do echo $i; sleep 1; done")
                  .followOutput(true)
                  .build());
      double minutes = Duration.between(start, Instant.now()).toMillis() / 60_000.0;
      int filter = emu.state().callCount("FilterLogEvents");
      int commands = result.commandIds().size();
      System.out.printf(
          "== %d instances (%d commands), %d s of output: %d FilterLogEvents = %.0f per minute"
              + " (one tick a second is 60 per minute), ok=%s%n",
          instances, commands, length.toSeconds(), filter, filter / minutes, result.isSuccessful());
    }
  }

  private static long parse(String line) {
    try {
      return Long.parseLong(line.strip());
    } catch (NumberFormatException e) {
      return Instant.now().toEpochMilli();
    }
  }

  /** The SDK clients of one emulator, closed together. */
  private record Clients(SsmClient ssm, S3Client s3, CloudWatchLogsClient logs)
      implements AutoCloseable {
    Clients(SsmEmulator emu) {
      this(emu.newSsmClient(), emu.newS3Client(), emu.newLogsClient());
    }

    SsmRunner runner() {
      return SsmRunner.builder().ssmClient(ssm).s3Client(s3).logsClient(logs).build();
    }

    @Override
    public void close() {
      ssm.close();
      s3.close();
      logs.close();
    }
  }
}
