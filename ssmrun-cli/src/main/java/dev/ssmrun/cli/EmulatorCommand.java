package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.EmulatorSettings;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.convert.FaultSpecConverter;
import dev.ssmrun.cli.convert.KeyValue;
import dev.ssmrun.emulator.SsmEmulator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ssmrun emulator}: serve a local SSM Run Command endpoint and S3 until Ctrl-C. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start a local, wire-compatible SSM Run Command endpoint (AWS JSON 1.1, SigV4-checked) with"
          + " simulated Linux instances that run commands for real, and an embedded S3. Prints the"
          + " endpoints, credentials, instance ids and the environment lines to paste, then serves"
          + " until Ctrl-C. Instance N is tagged Name=local-N and Role=web (odd N) or Role=worker."
          + " Each instance is a sandbox of its own (bubblewrap) where the host allows it.",
      "",
      "Fault SPEC: comma-separated key=value, each optionally limited to one operation with an"
          + " 'Operation:' prefix:",
      "  throttle=P      ThrottlingException (Rate exceeded) with probability P per call",
      "  rate=N          token bucket: calls beyond N per second are throttled",
      "  error=P         InternalServerError (HTTP 500) with probability P",
      "  lose=P          process the request, then drop the connection without answering",
      "  latency=D       add latency D to every answer, e.g. 50ms",
      "  crash=P         the agent dies mid-command with probability P (its instance goes"
          + " offline)",
      "  offline=P       an instance loses contact before a command reaches it (probability P)",
      "  seed=N          seed for every random choice",
      "",
      "Examples:",
      "  ssmrun emulator",
      "  ssmrun emulator --port 4566 --instances 10 --tag Env=dev",
      "  ssmrun emulator --windows 1 --shared-host",
      "  ssmrun emulator --faults throttle=0.2,SendCommand:lose=0.1,latency=50ms,seed=7",
      ""
    })
final class EmulatorCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "SSM port on 127.0.0.1 (default: a free port). Example: --port 4566")
  int port;

  @Option(
      names = "--instances",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Simulated Linux instances (default: ${DEFAULT-VALUE}). Example: --instances 10")
  int instances;

  @Option(
      names = "--windows",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Also add N Windows instances for AWS-RunPowerShellScript, run with pwsh where it is"
              + " installed (default: ${DEFAULT-VALUE}). Example: --windows 2")
  int windows;

  @Option(
      names = "--shared-host",
      description =
          "Run scripts directly on this host as your user instead of one sandbox per instance"
              + " (the default where bubblewrap and user namespaces are available). Example:"
              + " --shared-host")
  boolean sharedHost;

  @Option(
      names = "--tag",
      paramLabel = "KEY=VALUE",
      description = "Add a tag to every instance (repeatable). Example: --tag Env=dev")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      converter = FaultSpecConverter.class,
      description = "Inject faults (see above). Example: throttle=0.1,seed=1")
  String faults;

  EmulatorCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws InterruptedException {
    EmulatorSettings settings = settings();
    SsmEmulator emulator = services.startEmulator(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    describe(emulator, spec.commandLine().getOut());
    stopped.await();
    return 0;
  }

  private EmulatorSettings settings() {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535");
    }
    if (instances < 1) {
      throw new ParameterException(spec.commandLine(), "--instances must be at least 1");
    }
    if (windows < 0) {
      throw new ParameterException(spec.commandLine(), "--windows must be 0 or more");
    }
    List<KeyValue> parsed = new ArrayList<>();
    for (String tag : tags) {
      parsed.add(KeyValue.parse(tag, "Env=dev"));
    }
    return new EmulatorSettings(port, instances, parsed, faults, windows, sharedHost);
  }

  static void describe(SsmEmulator emulator, PrintWriter out) {
    out.println("ssmrun emulator is serving (Ctrl-C to stop)");
    out.println("SSM endpoint:  " + emulator.endpoint());
    out.println("S3 endpoint:   " + emulator.s3Endpoint());
    out.println("Region:        " + emulator.region());
    out.println("Access key:    " + emulator.accessKeyId());
    out.println("Secret key:    " + emulator.secretAccessKey());
    out.println("Isolation:     " + emulator.isolation());
    out.println("Instances:");
    for (String id : emulator.instanceIds()) {
      out.println("  " + id);
    }
    out.println();
    out.println("# Paste into a shell (AWS CLI v1/old v2: pass --endpoint-url instead):");
    out.println("export AWS_ENDPOINT_URL=" + emulator.endpoint());
    out.println("export AWS_ENDPOINT_URL_S3=" + emulator.s3Endpoint());
    out.println("export AWS_ACCESS_KEY_ID=" + emulator.accessKeyId());
    out.println("export AWS_SECRET_ACCESS_KEY=" + emulator.secretAccessKey());
    out.println("export AWS_REGION=" + emulator.region());
    out.println("export AWS_DEFAULT_REGION=" + emulator.region());
    out.flush();
  }
}
