package dev.ssmrun.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts an emulator from the command line and serves until killed. Prints {@code KEY=value} lines
 * (SSM_ENDPOINT, S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, INSTANCE_IDS,
 * then READY=1) so that scripts can read them.
 *
 * <pre>
 * java -cp ... dev.ssmrun.emulator.Main [--port P] [--s3-port P] [--instances N] [--windows N]
 *     [--seed N] [--tag Key=Value]... [--faults SPEC] [--visibility-delay-ms N]
 *     [--log-upload-interval-ms N] [--final-log-upload-delay-ms N]
 *     [--isolation sandbox|shared-host]
 * </pre>
 */
public final class Main {
  private static final String USAGE =
      "usage: Main [--port P] [--s3-port P] [--instances N] [--windows N] [--seed N]"
          + " [--tag Key=Value]... [--faults SPEC] [--visibility-delay-ms N]"
          + " [--log-upload-interval-ms N] [--final-log-upload-delay-ms N]"
          + " [--isolation sandbox|shared-host]";

  private Main() {}

  /** Entry point; exits 2 on a bad argument. */
  public static void main(String[] args) throws InterruptedException {
    SsmEmulator.Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    SsmEmulator emu = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(emu::close, "ssm-emulator-shutdown"));
    print(emu, System.out);
    new CountDownLatch(1).await();
  }

  static SsmEmulator.Builder parse(String[] args) {
    SsmEmulator.Builder builder = SsmEmulator.builder();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      apply(builder, flag, args[++i]);
    }
    return builder;
  }

  private static void apply(SsmEmulator.Builder builder, String flag, String value) {
    switch (flag) {
      case "--port" -> builder.port(number(flag, value));
      case "--s3-port" -> builder.s3Port(number(flag, value));
      case "--instances" -> builder.instances(number(flag, value));
      case "--windows" -> {
        for (int n = number(flag, value); n > 0; n--) {
          builder.addInstance(InstanceSpec.builder().platform(Platform.WINDOWS).build());
        }
      }
      case "--isolation" -> builder.isolation(isolation(value));
      case "--seed" -> builder.seed(number(flag, value));
      case "--tag" -> {
        int eq = value.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--tag needs Key=Value, got '" + value + "'");
        }
        builder.addTag(value.substring(0, eq), value.substring(eq + 1));
      }
      case "--faults" -> builder.faults(value);
      case "--visibility-delay-ms" ->
          builder.visibilityDelay(Duration.ofMillis(number(flag, value)));
      case "--log-upload-interval-ms" ->
          builder.logUploadInterval(Duration.ofMillis(number(flag, value)));
      case "--final-log-upload-delay-ms" ->
          builder.finalLogUploadDelay(Duration.ofMillis(number(flag, value)));
      default -> throw new IllegalArgumentException("unknown option " + flag);
    }
  }

  private static Isolation isolation(String value) {
    return switch (value) {
      case "sandbox" -> Isolation.SANDBOX;
      case "shared-host" -> Isolation.SHARED_HOST;
      default ->
          throw new IllegalArgumentException(
              "--isolation takes sandbox or shared-host, got '" + value + "'");
    };
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException unused) {
      throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
    }
  }

  static void print(SsmEmulator emu, PrintStream out) {
    out.println("SSM_ENDPOINT=" + emu.endpoint());
    out.println("S3_ENDPOINT=" + emu.s3Endpoint());
    out.println("AWS_ACCESS_KEY_ID=" + emu.accessKeyId());
    out.println("AWS_SECRET_ACCESS_KEY=" + emu.secretAccessKey());
    out.println("AWS_REGION=" + emu.region());
    out.println("INSTANCE_IDS=" + String.join(",", emu.instanceIds()));
    out.println("ISOLATION=" + emu.isolation());
    out.println("READY=1");
    out.flush();
  }
}
