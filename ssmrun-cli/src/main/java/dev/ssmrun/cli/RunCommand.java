package dev.ssmrun.cli;

import dev.ssmrun.InvalidRequestException;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.StagingLocation;
import dev.ssmrun.cli.connect.Connection;
import dev.ssmrun.cli.connect.ConnectionOptions;
import dev.ssmrun.cli.connect.LocalBuckets;
import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.CliOutput;
import dev.ssmrun.cli.print.NoWaitPrinter;
import dev.ssmrun.cli.print.OutputOptions;
import dev.ssmrun.cli.print.RunPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code ssmrun run}: send a command, print each instance as it finishes, exit like ssh. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Send a shell script (or PowerShell) through SSM Run Command, print each instance's"
          + " result as soon as it finishes, and exit with the remote exit code.",
      "One COMMAND argument is a script; several are one command line whose words are quoted"
          + " safely.",
      "",
      "Text output: each instance's stdout on standard output and its stderr on standard error,"
          + " every line prefixed by 'ID: '. ssmrun's own lines go to standard error and start"
          + " with 'ssmrun: ': per instance 'ssmrun: ID STATUS exit=N TIME' as it finishes, then"
          + " one summary line that says whether the failure policy held. On a terminal a live"
          + " status line shows the counts while waiting.",
      "With a staging bucket (--staging-bucket, SSMRUN_STAGING_BUCKET; --local has one), scripts"
          + " of any size run (staged in S3 above the SendCommand limit), the whole output is read"
          + " back, --env and --secret-env values stay out of SSM's command history, and --input"
          + " and results travel through S3; the instances need no S3 permission (presigned URLs)"
          + " and the run deletes its objects at the end.",
      "With -F/--follow, each instance's lines are printed as they arrive (from CloudWatch Logs,"
          + " which the command is then sent with; the instances need logs:CreateLogGroup,"
          + " CreateLogStream and PutLogEvents), and the per-instance lines do not repeat them.",
      "",
      "Examples:",
      "  ssmrun run --local -- 'echo hello from $AWS_SSM_INSTANCE_ID; exit 3'",
      "  ssmrun run -i i-0123456789abcdef0,i-0fedcba9876543210 -- 'df -h /'",
      "  ssmrun run -t Role=web,api --allow-failures 1 --timeout 10m -f deploy.sh",
      "  ssmrun run -i i-0123456789abcdef0 -q -- 'cat /etc/os-release' > os-release",
      "  ssmrun run -F -t Role=web -- 'for i in 1 2 3; do echo step $i; sleep 1; done'",
      "  ssmrun run -t Env=prod -o jsonl -- uptime | jq -r 'select(.type==\"invocation\").stdout'",
      "  ssmrun run --local -f job.py --input in.json -o json -- --verbose | jq '.invocations[].result'",
      "  ssmrun run -t Role=db --staging-bucket my-staging --secret-env-file prod.env -f migrate.sh",
      "  ssmrun run --endpoint-url http://127.0.0.1:4566 -i i-0123456789abcdef0 -- uptime",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n")
final class RunCommand implements Callable<Integer>, ErrorContext.Source {
  private static final String PLACEHOLDER_ID = "i-00000000000000000";

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin RunOptions options;

  @Mixin StageOptions stage;

  @Option(
      names = "--no-wait",
      description =
          "Send, print the command id(s), one per line, and exit 0 without waiting. Example:"
              + " --no-wait -t Role=web -- ./long-job.sh")
  boolean noWait;

  @Mixin WatchOptions watch;

  @Mixin ConnectionOptions connection;

  @Mixin OutputOptions output;

  RunCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    connection.validate();
    validate();
    StagingLocation location = stagingLocation();
    stage.validate(location != null, noWait);
    String script = script();
    Map<String, String> secrets = stage.secretEnvironment();
    // Bad input is refused before anything starts.
    toRunRequest(script, List.of(PLACEHOLDER_ID), location, secrets);
    CliOutput out =
        output.output(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            services,
            !watch.quiet && !noWait);
    LocalPaths.hint(options).ifPresent(out::errLine);
    notes(location).forEach(out::errLine);
    Connection conn = Connection.open(connection, services, output.debugLog(out));
    try (conn) {
      RunRequest request = toRunRequest(script, conn.localInstanceIds(), location, secrets);
      if (connection.local()) {
        localBuckets(conn, location);
      }
      if (noWait) {
        sendOnly(conn, request, out);
        return ExitCodes.OK;
      }
      SsmRunner runner = conn.runner(usesS3(request), watch.follow);
      RunPrinter printer = RunPrinter.of(output.format(), watch.quiet, watch.follow, out);
      return new RunSession(runner, printer, out, watch.policy(), conn).run(request).exitCode();
    }
  }

  /** {@code --no-wait}: sends, prints the ids, and leaves the commands running. */
  private void sendOnly(Connection conn, RunRequest request, CliOutput out) {
    try (SsmRunner runner = conn.runner(usesS3(request), false)) {
      NoWaitPrinter.print(
          output.format(), runner.send(request), out); // closing leaves them running
    }
  }

  /**
   * Whether the runner needs this command line's S3 client: the output and staging buckets are
   * checked before sending, the staging bucket takes the payload, and both are read after. Without
   * it the library would build one from the default chains, which reach AWS whatever {@code
   * --s3-endpoint-url} says.
   */
  static boolean usesS3(RunRequest request) {
    return request.output().s3Bucket().isPresent() || request.staging().location().isPresent();
  }

  /** The staging location, or null; an invalid bucket name or prefix is a usage error. */
  private StagingLocation stagingLocation() {
    try {
      return stage.location(services.environment(), connection.local()).orElse(null);
    } catch (InvalidRequestException e) {
      throw usage(inOptionWords(e));
    }
  }

  /** With --local, the buckets are created in the embedded S3, as a user would on AWS. */
  private void localBuckets(Connection conn, StagingLocation location) {
    if (options.outputBucket != null) {
      LocalBuckets.ensure(conn.s3(), options.outputBucket);
    }
    if (location != null) {
      LocalBuckets.ensure(conn.s3(), location.bucket());
    }
  }

  /** What the user should know before the run starts: where environment values end up. */
  private List<String> notes(StagingLocation location) {
    List<String> notes = new ArrayList<>();
    if (location == null && !options.environment.isEmpty()) {
      notes.add(
          "ssmrun: note: --env values are stored in SSM's command history, readable by anyone"
              + " who may call ListCommands; with a staging bucket (--staging-bucket) they travel"
              + " in the staged payload instead, and --secret-env never shows them");
    }
    if (location != null && noWait) {
      notes.add(
          "ssmrun: note: with --no-wait nothing deletes what the run stages and its output under "
              + location
              + "; expire them with an S3 lifecycle rule on the prefix");
    }
    return notes;
  }

  @Override
  public ErrorContext errorContext() {
    return ErrorContext.of(connection, output, services);
  }

  private void validate() {
    watch.validate(output.format());
    if (noWait) {
      refuseWithNoWait(watch.quiet, "-q/--quiet");
      refuseWithNoWait(watch.follow, "-F/--follow");
      refuseWithNoWait(watch.waitTimeout != null, "--wait-timeout");
      refuseWithNoWait(options.failFast, "--fail-fast");
      if (connection.local()) {
        throw usage(
            "--no-wait cannot be used with --local: the embedded emulator stops when"
                + " ssmrun exits; start 'ssmrun emulator' and use --endpoint-url");
      }
    }
    if (!connection.local() && options.instanceIds.isEmpty() && options.targets.isEmpty()) {
      throw usage("no target: give -i/--instance-id or -t/--target (or --local)");
    }
    if (options.outputPrefix != null && options.outputBucket == null) {
      throw usage("--output-s3-prefix needs --output-s3-bucket");
    }
    if (options.waitForOnline != null && options.noPreflight) {
      throw usage("--wait-online needs the pre-flight check: drop --no-preflight");
    }
  }

  private void refuseWithNoWait(boolean given, String option) {
    if (given) {
      throw usage(option + " needs the run to be watched; drop it or drop --no-wait");
    }
  }

  private String script() {
    if (options.scriptFile != null) {
      return readScript(options.scriptFile);
    }
    if (options.command.isEmpty()) {
      throw usage("no command: put the script after '--', e.g. ssmrun run -i ID -- 'uptime'");
    }
    return options.command.size() == 1 ? options.command.get(0) : null;
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
   * Maps the options to a request; pure but for the input file's existence. {@code script} is
   * null when COMMAND is argv words. With --local and no explicit target, {@code localIds} are all
   * targeted. {@code location} (null: none) and {@code secrets} are what the run stages.
   */
  RunRequest toRunRequest(
      String script, List<String> localIds, StagingLocation location, Map<String, String> secrets) {
    try {
      RunRequest request = RequestMapper.map(options, watch, connection.local(), script, localIds);
      return RequestMapper.staged(request, stage, location, secrets);
    } catch (InvalidRequestException e) {
      throw usage(inOptionWords(e));
    } catch (IllegalArgumentException | IllegalStateException | TypeConversionException e) {
      throw usage(e.getMessage());
    }
  }

  /** The library's refusal of a staging, input or log group setting, named by its option. */
  private static String inOptionWords(InvalidRequestException e) {
    String problem = e.problem();
    return switch (e.setting()) {
      case "staging" ->
          problem.startsWith("prefix ")
              ? "--staging-prefix " + problem.substring("prefix ".length())
              : "--staging-bucket " + problem;
      case "input" -> "--input " + problem;
      case "cloudWatchOutput" -> "--log-group " + problem;
      default -> e.getMessage();
    };
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
