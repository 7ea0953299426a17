package dev.ssmrun.cli;

import dev.ssmrun.Document;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.emulator.SsmEmulator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code ssmrun run}: send a command, wait for every instance, print what each returned. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Send a shell script (or PowerShell) through SSM Run Command, wait for every targeted"
          + " instance, print each instance's stdout and stderr prefixed by its instance id, and"
          + " exit with the remote exit code.",
      "One COMMAND argument is a script; several are one command line whose words are quoted"
          + " safely.",
      "",
      "Examples:",
      "  ssmrun run --local -- 'echo hello from $AWS_SSM_INSTANCE_ID; exit 3'",
      "  ssmrun run -i i-0123456789abcdef0 -i i-0fedcba9876543210 -- 'df -h /'",
      "  ssmrun run -t Role=web,api --allow-failures 1 --timeout 10m -- ./deploy.sh",
      "  ssmrun run -i i-0123456789abcdef0 -f setup.sh --env VERSION=1.2.3",
      "  ssmrun run --endpoint-url http://127.0.0.1:4566 -i i-0123456789abcdef0 -- uptime",
      ""
    })
final class RunCommand implements Callable<Integer> {
  private static final String PLACEHOLDER_ID = "i-00000000000000000";

  private final Services services;

  @Spec CommandSpec spec;

  @Option(
      names = {"-i", "--instance-id"},
      paramLabel = "ID",
      description =
          "Target instance id (repeatable; any number, sent 50 per call)."
              + " Example: -i i-0123456789abcdef0")
  List<String> instanceIds = new ArrayList<>();

  @Option(
      names = {"-t", "--target"},
      paramLabel = "KEY=VALUE[,VALUE...]",
      description =
          "Tag target resolved by SSM (repeatable, at most 5). Example: -t Role=web,api;"
              + " -t instanceids=i-0123456789abcdef0")
  List<String> targets = new ArrayList<>();

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description =
          "Read the script from FILE ('-' for standard input) instead of COMMAND."
              + " Example: -f deploy.sh")
  Path scriptFile;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description =
          "Export an environment variable to the script, quoted safely (repeatable)."
              + " Example: --env VERSION=1.2.3")
  List<String> environment = new ArrayList<>();

  @Option(
      names = "--workdir",
      paramLabel = "DIR",
      description = "Working directory on the instance. Example: --workdir /opt/app")
  String workingDirectory;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Execution timeout on the instance, 5s to 48h (SSM kills the script after it; default"
              + " 3600s). Example: --timeout 10m")
  Duration executionTimeout;

  @Option(
      names = "--delivery-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long SSM may try to deliver the command to an instance (30s to 30d;"
              + " default 3600s). Example: --delivery-timeout 2m")
  Duration deliveryTimeout;

  @Option(
      names = "--wait-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Client deadline: after it, cancel what still runs and exit 124 (default:"
              + " delivery + execution timeout + a margin). Example: --wait-timeout 90s")
  Duration waitTimeout;

  @Option(
      names = "--allow-failures",
      paramLabel = "N|P%|ID,...",
      converter = FailurePolicyConverter.class,
      description =
          "Failure policy across instances: at most N, at most P percent, or only the named"
              + " instances may fail (default: none). Examples: --allow-failures 2;"
              + " --allow-failures 10%%; --allow-failures i-0123456789abcdef0")
  FailurePolicy failurePolicy;

  @Option(
      names = "--fail-fast",
      description =
          "Once the failure policy is broken, cancel the instances still running. Example:"
              + " --allow-failures 1 --fail-fast")
  boolean failFast;

  @Option(
      names = "--comment",
      paramLabel = "TEXT",
      description =
          "Command comment shown in the SSM console (ssmrun appends a short send token)."
              + " Example: --comment 'release 1.2.3'")
  String comment;

  @Option(
      names = "--max-concurrency",
      paramLabel = "N|P%",
      description =
          "SSM MaxConcurrency: instances running at once (default 50). Example:"
              + " --max-concurrency 10%%")
  String maxConcurrency;

  @Option(
      names = "--max-errors",
      paramLabel = "N|P%",
      description =
          "SSM MaxErrors: errors SSM tolerates before it stops sending to more instances"
              + " (default 0). Example: --max-errors 5")
  String maxErrors;

  @Option(
      names = "--output-s3-bucket",
      paramLabel = "BUCKET",
      description =
          "Let SSM store full stdout/stderr in this bucket; ssmrun reads them back whole."
              + " Example: --output-s3-bucket my-ssm-logs")
  String outputBucket;

  @Option(
      names = "--output-s3-prefix",
      paramLabel = "PREFIX",
      description = "Key prefix for --output-s3-bucket. Example: --output-s3-prefix runs/")
  String outputPrefix;

  @Option(
      names = "--document",
      paramLabel = "KIND",
      description =
          "SHELL (AWS-RunShellScript), POWERSHELL (AWS-RunPowerShellScript) or AUTO (by each"
              + " instance's platform). Default: SHELL. Example: --document powershell")
  Document document;

  @Option(
      names = "--no-strict",
      description =
          "Do not run multi-line shell scripts in strict mode (set -e: a failing line stops"
              + " the script). Then only the last line's exit code counts, as in plain SSM."
              + " Example: --no-strict -f legacy.sh")
  boolean noStrict;

  @Option(
      names = "--no-preflight",
      description =
          "Skip the DescribeInstanceInformation check of unknown, offline or wrong-platform"
              + " instances before sending. Example: --no-preflight -i mi-0123456789abcdef0")
  boolean noPreflight;

  @Option(
      names = "--wait-online",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "With the pre-flight check, wait up to DURATION for offline instances to come"
              + " online instead of failing at once. Example: --wait-online 2m")
  Duration waitForOnline;

  @Option(
      names = "--local",
      description =
          "Run against an embedded local emulator (no AWS account needed). Without -i or -t,"
              + " every local instance is targeted. Example: --local -- 'uname -a'")
  boolean local;

  @Option(
      names = "--local-instances",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Simulated instances for --local (default: ${DEFAULT-VALUE}). Example:"
              + " --local-instances 10")
  int localInstances;

  @Option(
      names = "--local-faults",
      paramLabel = "SPEC",
      converter = FaultSpecConverter.class,
      description =
          "Faults for --local, as for 'ssmrun emulator --faults'. Example:"
              + " throttle=0.2,SendCommand:lose=0.1,seed=7")
  String localFaults;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "AWS region (default: AWS_REGION, then the profile's). Example: --region eu-west-1")
  String region;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "AWS profile for credentials and region (default: AWS_PROFILE or 'default')."
              + " Example: --profile prod")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "SSM endpoint, e.g. an 'ssmrun emulator' started separately. Example:"
              + " --endpoint-url http://127.0.0.1:4566")
  URI endpointUrl;

  @Option(
      names = "--s3-endpoint-url",
      paramLabel = "URL",
      description =
          "S3 endpoint (for --output-s3-bucket against an emulator). Example:"
              + " --s3-endpoint-url http://127.0.0.1:4567")
  URI s3EndpointUrl;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text: each line prefixed by its instance id (default); json: one JSON document with"
              + " every instance's status, exit code, output and times. Example: -o json")
  OutputFormat output;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "The script, after '--'. Example: -- 'echo ok; exit 3'")
  List<String> command = new ArrayList<>();

  RunCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    String script = script();
    validateTargets();
    if (!local) {
      RunRequest request = toRunRequest(script, List.of());
      try (SsmRunner runner =
          services.awsRunner(new AwsSettings(region, profile, endpointUrl, s3EndpointUrl))) {
        return new RunSession(spec.commandLine(), runner, output, () -> {}).run(request);
      }
    }
    // Reject bad input before the emulator starts; the real ids are known only after.
    toRunRequest(script, List.of(PLACEHOLDER_ID));
    SsmEmulator emulator = startLocal();
    try (CloseOnce closeEmulator = new CloseOnce(emulator);
        SsmRunner runner = services.localRunner(emulator)) {
      RunRequest request = toRunRequest(script, emulator.instanceIds());
      if (outputBucket != null) {
        LocalBuckets.ensure(emulator, outputBucket);
      }
      // On Ctrl-C the JVM exits once the session has printed: it closes the emulator first, so
      // that no temporary folder is left behind.
      return new RunSession(spec.commandLine(), runner, output, closeEmulator).run(request);
    }
  }

  private SsmEmulator startLocal() {
    return services.startEmulator(new EmulatorSettings(0, localInstances, List.of(), localFaults));
  }

  private void validateTargets() {
    if (local && localInstances < 1) {
      throw usage("--local-instances must be at least 1");
    }
    if (!local && instanceIds.isEmpty() && targets.isEmpty()) {
      throw usage("no target: give -i/--instance-id or -t/--target (or --local)");
    }
    if (!local && localFaults != null) {
      throw usage("--local-faults needs --local");
    }
    if (outputPrefix != null && outputBucket == null) {
      throw usage("--output-s3-prefix needs --output-s3-bucket");
    }
    if (waitForOnline != null && noPreflight) {
      throw usage("--wait-online needs the pre-flight check: drop --no-preflight");
    }
  }

  private String script() {
    if (scriptFile != null && !command.isEmpty()) {
      throw usage("give either -f/--file or a COMMAND after '--', not both");
    }
    if (scriptFile != null) {
      return readScript(scriptFile);
    }
    if (command.isEmpty()) {
      throw usage("no command: put the script after '--', e.g. ssmrun run -i ID -- 'uptime'");
    }
    return command.size() == 1 ? command.get(0) : null;
  }

  private String readScript(Path file) {
    try {
      return file.toString().equals("-")
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw usage("cannot read script file " + file + ": " + e.getMessage());
    }
  }

  /**
   * Maps the options to a request; pure. {@code script} is null when COMMAND is argv words. With
   * --local and no explicit target, {@code localIds} are all targeted.
   */
  RunRequest toRunRequest(String script, List<String> localIds) {
    try {
      return RequestMapper.map(this, script, localIds);
    } catch (IllegalArgumentException | IllegalStateException | TypeConversionException e) {
      throw usage(e.getMessage());
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
