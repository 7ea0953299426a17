package dev.ssmrun.cli;

import dev.ssmrun.FailurePolicy;
import dev.ssmrun.cli.convert.DurationConverter;
import dev.ssmrun.cli.convert.FailurePolicyConverter;
import dev.ssmrun.cli.print.OutputFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How {@code run} and {@code wait} watch: failure policy, client deadline, quiet, follow. */
final class WatchOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

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
      names = "--wait-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Client deadline: after it, cancel what still runs and exit 124 (default: when SSM's"
              + " own delivery and execution timeouts end the command, plus a margin). Example:"
              + " --wait-timeout 90s")
  Duration waitTimeout;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Print only the instances' output, without prefixes, headers or summary (for one"
              + " instance: exactly its bytes). Example: -q > hosts (with -i i-0123456789abcdef0 --"
              + " cat /etc/hosts)")
  boolean quiet;

  @Option(
      names = {"-F", "--follow"},
      description =
          "Print each instance's lines as they arrive (CloudWatch Logs, about a second behind),"
              + " prefixed by 'ID: ', then the usual status lines without the output again; with -q"
              + " unprefixed, with -o jsonl as {\"type\":\"output\"} objects. Example: ssmrun run"
              + " -F -t Role=web -- ./deploy.sh")
  boolean follow;

  /** Refuses what cannot be printed in {@code format}. */
  void validate(OutputFormat format) {
    String o = "-o " + format.name().toLowerCase(Locale.ROOT);
    if (quiet && format.isJson()) {
      throw usage("-q/--quiet prints the raw output; it cannot be combined with " + o);
    }
    if (follow && format == OutputFormat.JSON) {
      throw usage(
          "-F/--follow prints the output as it arrives, -o json one document at the end: use -o"
              + " jsonl for live output as JSON");
    }
  }

  /** The failure policy in the user's words, for the summary. */
  String policy() {
    OptionSpec allow = mixee.findOption("--allow-failures");
    List<String> given = allow == null ? List.of() : allow.originalStringValues();
    return given.isEmpty()
        ? "no failure allowed"
        : "--allow-failures " + given.get(given.size() - 1);
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
