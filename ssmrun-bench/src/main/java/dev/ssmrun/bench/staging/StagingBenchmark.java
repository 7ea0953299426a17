package dev.ssmrun.bench.staging;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.OutputSink;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.StagingLocation;
import dev.ssmrun.emulator.SsmEmulator;
import dev.ssmrun.internal.aws.AwsS3Gateway;
import dev.ssmrun.internal.output.OutputResolver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Measures staging side by side with plain SDK calls, in one run on one emulator. {@code fetch}:
 * reading a 50 MB output object to a file through ssmrun's output resolution against one plain
 * {@code GetObject}; goal: at least 80 % of its throughput; and the same for 200 MB, which ssmrun
 * reads in parallel ranges past its first 64 MiB. {@code stage}: a run of a staged 10 MB script
 * that ends at once (the data after its {@code exit 0}, as in a self-extracting installer) against
 * a plain {@code PutObject} of it plus an inline run of {@code true}; goal: at most 1.3 times; then
 * the same for 10 MB of comment lines, which {@code sh} reads to the end (no goal: that is the
 * script's own run time). Run: {@code ssmrun-bench/run staging [fetch|stage]}.
 */
public final class StagingBenchmark {
  private static final String BUCKET = "bench";
  private static final int ROUNDS = 15;

  /** Rounds first run and not counted: the SDK, ssmrun and the emulator's S3 warm up (JIT). */
  private static final int WARM_UPS = 3;

  private StagingBenchmark() {}

  /** Runs the measurements and prints the figures. */
  public static void main(String[] args) throws Exception {
    List<String> only = List.of(args);
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(1).visibilityDelay(Duration.ofMillis(50)).start();
        S3Client s3 = emu.newS3Client()) {
      s3.createBucket(b -> b.bucket(BUCKET));
      if (only.isEmpty() || only.contains("fetch")) {
        fetch(s3, 50L * 1024 * 1024);
        fetch(s3, 200L * 1024 * 1024); // past the first GET's 64 MiB: parallel ranges
      }
      if (only.isEmpty() || only.contains("stage")) {
        int size = 10 * 1024 * 1024;
        String comment = "# " + "x".repeat(97) + "\n";
        String payload = comment.repeat(size / comment.length());
        // The goal's script does as little as the baseline's `true`: staging is what is measured.
        String quick = "#!/bin/sh\nexit 0\n" + payload;
        stage(emu, s3, quick, false, "ends at once, 10 MB of data after", true);
        stage(emu, s3, quick, true, "the same with an argument and a variable (a setup)", false);
        String slow = "#!/bin/sh\n" + payload + "true\n";
        stage(emu, s3, slow, false, "10 MB of comment lines, read by sh", false);
      }
    }
  }

  /** A {@code size}-byte output object, read to a file: plain GetObject vs ssmrun. */
  static void fetch(S3Client s3, long size) throws Exception {
    byte[] content = new byte[(int) size];
    new Random(1).nextBytes(content);
    String key = "out/cmd/i-1/awsrunShellScript/0.awsrunShellScript/stdout";
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
    String url = s3.utilities().getUrl(b -> b.bucket(BUCKET).key(key)).toString();
    Path dir = Files.createTempDirectory("ssmrun-bench");
    ExecutorService resolve = Executors.newFixedThreadPool(4);
    ExecutorService ranges = Executors.newFixedThreadPool(8);
    List<Double> plain = new ArrayList<>();
    List<Double> ours = new ArrayList<>();
    try (AwsS3Gateway gateway = new AwsS3Gateway(() -> s3)) {
      OutputResolver resolver =
          new OutputResolver(
              gateway,
              resolve,
              ranges,
              new OutputResolver.Spec(8 * 1024 * 1024, false, OutputSink.files(dir), false, null));
      InvocationResult truncated =
          InvocationResult.builder()
              .commandId("cmd")
              .instanceId("i-1")
              .status("Success")
              .outcome(Outcome.SUCCESS)
              .stdout("x--output truncated--")
              .stdoutTruncated(true)
              .stdoutUrl(url)
              .build();
      for (int round = -WARM_UPS; round < ROUNDS; round++) {
        Path file = dir.resolve("plain");
        double plainSeconds = 0;
        double ourSeconds = 0;
        for (int turn = 0; turn < 2; turn++) { // alternately first, so that drift cancels out
          if (Math.floorMod(round + turn, 2) == 0) {
            long start = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(file)) {
              s3.getObject(b -> b.bucket(BUCKET).key(key), ResponseTransformer.toOutputStream(out));
            }
            plainSeconds = seconds(start);
          } else {
            long start = System.nanoTime();
            InvocationResult resolved = resolver.resolve(truncated).join();
            ourSeconds = seconds(start);
            check(resolved.stdoutSize() == size, "ssmrun read " + resolved.stdoutSize() + " bytes");
          }
        }
        check(
            Files.size(file) == size && Files.size(dir.resolve("i-1.stdout")) == size,
            "sizes differ");
        if (round >= 0) {
          plain.add(size / 1e6 / plainSeconds);
          ours.add(size / 1e6 / ourSeconds);
        }
      }
    } finally {
      resolve.shutdownNow();
      ranges.shutdownNow();
      deleteTree(dir);
    }
    double p = median(plain);
    double o = median(ours);
    System.out.printf(
        "== Fetching a %d MB output object to a file (median of %d)%n", size >> 20, ROUNDS);
    System.out.printf("  plain SDK GetObject   %.0f MB/s   (all: %s)%n", p, rounded(plain));
    System.out.printf("  ssmrun (ranges)       %.0f MB/s   (all: %s)%n", o, rounded(ours));
    System.out.printf("  ratio %.2f (goal >= 0.80): %s%n", o / p, o / p >= 0.8 ? "met" : "NOT met");
  }

  /**
   * A staged {@code script} ({@code withSetup}: with an argument and an environment variable,
   * which travel in a setup object) vs PutObject of it plus an inline run of true; {@code goal}:
   * whether the 1.3 times goal applies (else the figures are for information).
   */
  static void stage(
      SsmEmulator emu, S3Client s3, String script, boolean withSetup, String what, boolean goal)
      throws Exception {
    List<Double> baseline = new ArrayList<>();
    List<Double> staged = new ArrayList<>();
    List<Double> onInstance = new ArrayList<>();
    String id = emu.instanceIds().get(0);
    try (SsmClient ssm = emu.newSsmClient();
        SsmRunner plain = SsmRunner.builder().ssmClient(ssm).s3Client(s3).build();
        SsmRunner staging =
            SsmRunner.builder()
                .ssmClient(ssm)
                .s3Client(s3)
                .staging(StagingLocation.of(BUCKET))
                .build()) {
      for (int round = -WARM_UPS; round < ROUNDS; round++) {
        double base = 0;
        double ours = 0;
        for (int turn = 0; turn < 2; turn++) { // alternately first, so that drift cancels out
          if (Math.floorMod(round + turn, 2) == 0) {
            long start = System.nanoTime();
            s3.putObject(b -> b.bucket(BUCKET).key("plain/script"), RequestBody.fromString(script));
            CommandResult trivial =
                plain.run(RunRequest.builder().addInstanceId(id).script("true").build());
            base = seconds(start);
            check(trivial.isSuccessful(), "the inline run failed: " + trivial);
          } else {
            long start = System.nanoTime();
            CommandResult big =
                staging.run(
                    withSetup
                        ? RunRequest.builder()
                            .addInstanceId(id)
                            .script(script)
                            .arguments("a")
                            .putEnvironment("X", "1")
                            .build()
                        : RunRequest.builder().addInstanceId(id).script(script).build());
            ours = seconds(start);
            check(big.isSuccessful(), "the staged run failed: " + big);
            if (round >= 0) {
              onInstance.add((double) big.invocations().get(0).elapsed().toMillis());
            }
          }
        }
        if (round >= 0) {
          baseline.add(base * 1000);
          staged.add(ours * 1000);
        }
      }
    }
    double b = median(baseline);
    double s = median(staged);
    System.out.printf(
        "== A staged %.0f MB script, %s (median of %d)%n",
        script.length() / 1048576.0, what, ROUNDS);
    System.out.printf(
        "  PutObject + inline run of true   %.0f ms   (all: %s)%n", b, rounded(baseline));
    System.out.printf(
        "  ssmrun staged run                %.0f ms   (all: %s)%n", s, rounded(staged));
    System.out.printf(
        "  of which on the instance (download, SHA-256 check, the script): %.0f ms%n",
        median(onInstance));
    System.out.printf(
        "  ratio %.2f%s%n",
        s / b, goal ? " (goal <= 1.30): " + (s / b <= 1.3 ? "met" : "NOT met") : " (no goal)");
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static List<Long> rounded(List<Double> values) {
    return values.stream().map(Math::round).toList();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
