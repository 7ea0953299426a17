package dev.ssmrun.cli;

import dev.ssmrun.Document;
import dev.ssmrun.cli.convert.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code ssmrun run} sends: targets, script, timeouts, failure policy and SSM settings. */
final class RunOptions {
  @Option(
      names = {"-i", "--instance-id"},
      paramLabel = "ID",
      split = ",",
      description =
          "Target instance ids (repeatable or comma-separated; any number, sent 50 per call)."
              + " Example: -i i-0123456789abcdef0,i-0fedcba9876543210")
  List<String> instanceIds = new ArrayList<>();

  @Option(
      names = {"-t", "--target"},
      paramLabel = "KEY=VALUE[,VALUE...]",
      description =
          "Tag target resolved by SSM (repeatable, at most 5); the AWS CLI's"
              + " Key=tag:Role,Values=web,api is accepted too. Example: -t Role=web,api;"
              + " -t instanceids=i-0123456789abcdef0")
  List<String> targets = new ArrayList<>();

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description =
          "Read the script from FILE ('-' for standard input) instead of COMMAND; any"
              + " interpreter (its #! line is respected); words after '--' are its arguments,"
              + " quoted safely. Example: -f deploy.sh -- prod 'my app'")
  Path scriptFile;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description =
          "Export an environment variable to the script, quoted safely (repeatable). Without a"
              + " staging bucket, --env values are stored in SSM's command history (anyone who"
              + " may call ListCommands reads them); with one they travel in the staged payload;"
              + " use --secret-env for secrets. Example: --env VERSION=1.2.3")
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
              + " 1h). Example: --timeout 10m")
  Duration executionTimeout;

  @Option(
      names = "--delivery-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long SSM may try to deliver the command to an instance (30s to 30d;"
              + " default 10m). Example: --delivery-timeout 2m")
  Duration deliveryTimeout;

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
          "SSM MaxConcurrency: instances running at once (default: SSM's, 50). Example:"
              + " --max-concurrency 10%%")
  String maxConcurrency;

  @Option(
      names = "--max-errors",
      paramLabel = "N|P%",
      description =
          "SSM MaxErrors: errors SSM tolerates before it stops sending to more instances"
              + " (default: what --allow-failures allows, so that SSM stops only once the"
              + " policy is broken; a stricter value gets a warning). Example: --max-errors 5")
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
      names = "--log-group",
      paramLabel = "NAME",
      description =
          "Send the output to CloudWatch Logs in this group too (-F/--follow reads it from there;"
              + " without this option it uses SSM's /aws/ssm/AWS-RunShellScript); with --no-wait,"
              + " 'ssmrun output ID --follow' can follow it later. Example: --log-group /ssmrun/deploys")
  String logGroup;

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

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description =
          "The script, after '--' (with -f: the script's arguments). Example: -- 'echo ok; exit 3'")
  List<String> command = new ArrayList<>();
}
