package dev.ssmrun.bench.cli;

import dev.ssmrun.emulator.SsmEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ssmrun run --endpoint-url URL -i ID -- true} end to end (the {@code ./ssmrun} launcher,
 * so its JVM options and class archive) on each JVM found (the default, then every JDK 25 or newer
 * in /usr/lib/jvm, where the launcher keeps an AOT cache) against the AWS CLI v2 chain {@code aws
 * ssm send-command}, {@code aws ssm wait command-executed}, {@code aws ssm get-command-invocation},
 * for the same instance of one emulator, alternating round by round. Goal: ssmrun's median wall
 * time at least 3 times shorter. Also {@code ssmrun --version} (goal: under 0.3 s) and a usage
 * error, {@code ssmrun run -- true} without a target (goal: under 0.4 s, exit code 2).
 *
 * <p>Run with {@code ssmrun-bench/run cli [rounds]} (default 15 rounds after 2 warm-ups each).
 * The machine's load average is printed before and after: the figures only compare with others
 * taken under the same load.
 */
public final class CliBenchmark {
  private static final double GOAL = 3.0;
  private static final double VERSION_GOAL_MILLIS = 300;
  private static final double USAGE_ERROR_GOAL_MILLIS = 400;

  private final Path launcher;
  private final String aws;
  private final SsmEmulator emulator;
  private final String instanceId;

  private CliBenchmark(Path launcher, String aws, SsmEmulator emulator) {
    this.launcher = launcher;
    this.aws = aws;
    this.emulator = emulator;
    this.instanceId = emulator.instanceIds().get(0);
  }

  /** Prints both medians, the ratio and whether the goal was met, for each JVM. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Path launcher = Path.of("ssmrun").toAbsolutePath();
    String aws = awsCliV2();
    List<Jvm> jvms = jvms();
    System.out.println("load average before: " + loadAverage());
    try (SsmEmulator emulator = SsmEmulator.builder().instances(1).start()) {
      CliBenchmark bench = new CliBenchmark(launcher, aws, emulator);
      List<Double> awsCli = new ArrayList<>();
      for (int round = -2; round < rounds; round++) {
        for (Jvm jvm : jvms) {
          jvm.measure(bench, round >= 0);
        }
        double b = bench.awsChainMillis();
        if (round >= 0) {
          awsCli.add(b);
        }
      }
      double awsMedian = median(awsCli);
      System.out.printf(
          "aws ssm send-command + wait command-executed + get-command-invocation:  median %.0f"
              + " ms (min %.0f, max %.0f, %d rounds)%n",
          awsMedian, Collections.min(awsCli), Collections.max(awsCli), awsCli.size());
      for (Jvm jvm : jvms) {
        jvm.print(awsMedian);
      }
      System.out.printf("(%d cores)%n", Runtime.getRuntime().availableProcessors());
    }
    System.out.println("load average after: " + loadAverage());
  }

  /**
   * The JVMs the launcher is measured on: the one it picks here ($JAVA_HOME, else java on PATH),
   * then each other JDK 25 or newer in /usr/lib/jvm (the launcher uses an AOT cache there).
   */
  private static List<Jvm> jvms() throws IOException {
    List<Jvm> jvms = new ArrayList<>();
    jvms.add(new Jvm("the default JVM (" + System.getProperty("java.version") + ")", null));
    Path installed = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(installed)) {
      try (var homes = Files.list(installed)) {
        for (Path home : homes.sorted().toList()) {
          String version = releaseVersion(home);
          if (version != null
              && !Files.isSymbolicLink(home)
              && !home.equals(Path.of(System.getProperty("java.home")))
              && Integer.parseInt(version.split("\\.", 2)[0]) >= 25) {
            jvms.add(new Jvm("JAVA_HOME=" + home + " (" + version + ")", home));
          }
        }
      }
    }
    return jvms;
  }

  private static String releaseVersion(Path home) throws IOException {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return null;
    }
    for (String line : Files.readAllLines(release)) {
      if (line.startsWith("JAVA_VERSION=\"")) {
        return line.substring("JAVA_VERSION=\"".length(), line.length() - 1);
      }
    }
    return null;
  }

  /** The launcher's figures on one JVM ({@code javaHome} null: as inherited). */
  private static final class Jvm {
    final String name;
    final Path javaHome;
    final List<Double> run = new ArrayList<>();
    final List<Double> version = new ArrayList<>();
    final List<Double> usageError = new ArrayList<>();

    Jvm(String name, Path javaHome) {
      this.name = name;
      this.javaHome = javaHome;
    }

    void measure(CliBenchmark bench, boolean counted) throws Exception {
      double a = bench.ssmrunMillis(javaHome);
      double c = bench.launcherMillis(javaHome, 0, "--version");
      double d = bench.launcherMillis(javaHome, 2, "run", "--", "true");
      if (counted) {
        run.add(a);
        version.add(c);
        usageError.add(d);
      }
    }

    void print(double awsMedian) {
      double median = median(run);
      double ratio = awsMedian / median;
      System.out.println("on " + name + ":");
      System.out.printf(
          "  ssmrun run --endpoint-url URL -i ID -- true:  median %.0f ms (min %.0f, max %.0f)%n",
          median, Collections.min(run), Collections.max(run));
      System.out.printf(
          "  ssmrun is %.2f times faster; goal >= %.1f: %s%n",
          ratio, GOAL, ratio >= GOAL ? "met" : "NOT met");
      printAgainstGoal("  ssmrun --version", version, VERSION_GOAL_MILLIS);
      printAgainstGoal(
          "  ssmrun run -- true (usage error, exit 2)", usageError, USAGE_ERROR_GOAL_MILLIS);
    }
  }

  private static void printAgainstGoal(String what, List<Double> millis, double goalMillis) {
    double median = median(millis);
    System.out.printf(
        "%s:  median %.0f ms (min %.0f, max %.0f); goal < %.0f ms: %s%n",
        what,
        median,
        Collections.min(millis),
        Collections.max(millis),
        goalMillis,
        median < goalMillis ? "met" : "NOT met");
  }

  /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Wall milliseconds of {@code ./ssmrun args...}, which must exit with {@code exitCode}. */
  private double launcherMillis(Path javaHome, int exitCode, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    long start = System.nanoTime();
    run(command, exitCode, javaHome);
    return (System.nanoTime() - start) / 1e6;
  }

  private double ssmrunMillis(Path javaHome) throws Exception {
    return launcherMillis(
        javaHome,
        0,
        "run",
        "--endpoint-url",
        emulator.endpoint().toString(),
        "-i",
        instanceId,
        "--",
        "true");
  }

  private double awsChainMillis() throws Exception {
    List<String> base = List.of(aws, "--endpoint-url", emulator.endpoint().toString(), "ssm");
    long start = System.nanoTime();
    String commandId =
        run(concat(
                base,
                "send-command",
                "--instance-ids",
                instanceId,
                "--document-name",
                "AWS-RunShellScript",
                "--parameters",
                "commands=true",
                "--query",
                "Command.CommandId",
                "--output",
                "text"))
            .strip();
    run(
        concat(
            base,
            "wait",
            "command-executed",
            "--command-id",
            commandId,
            "--instance-id",
            instanceId));
    run(
        concat(
            base,
            "get-command-invocation",
            "--command-id",
            commandId,
            "--instance-id",
            instanceId,
            "--output",
            "json"));
    return (System.nanoTime() - start) / 1e6;
  }

  /** Runs {@code command} with the emulator's keys; returns its stdout; fails on non-zero exit. */
  private String run(List<String> command) throws IOException, InterruptedException {
    return run(command, 0, null);
  }

  /**
   * As {@link #run(List)}, failing unless the exit code is {@code exitCode}; with {@code JAVA_HOME}
   * set to {@code javaHome} unless null.
   */
  private String run(List<String> command, int exitCode, Path javaHome)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome.toString());
    }
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", emulator.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey());
    env.put("AWS_REGION", emulator.region());
    env.put("AWS_DEFAULT_REGION", emulator.region());
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_PAGER", "");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != exitCode) {
      throw new IllegalStateException(command.get(0) + " failed: " + String.join(" ", command));
    }
    return out;
  }

  /** The first {@code aws} whose version is 2.x (Debian's awscli package: /usr/bin/aws). */
  private static String awsCliV2() throws Exception {
    List<String> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
      candidates.add(dir + "/aws");
    }
    candidates.add("/usr/bin/aws");
    for (String candidate : candidates) {
      if (Files.isExecutable(Path.of(candidate))) {
        Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
        String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor(30, TimeUnit.SECONDS) && version.startsWith("aws-cli/2.")) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no AWS CLI v2 found: apt-get install -y awscli");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
