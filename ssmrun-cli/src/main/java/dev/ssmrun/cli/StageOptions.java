package dev.ssmrun.cli;

import dev.ssmrun.StagingLocation;
import dev.ssmrun.cli.convert.EnvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code ssmrun run} puts in S3: the staging location (large scripts, whole output, secret
 * environment, input and results), forced staging, kept objects, secrets, input and results.
 */
final class StageOptions {
  /** The environment variable that names the staging bucket when no option does. */
  static final String BUCKET_VARIABLE = "SSMRUN_STAGING_BUCKET";

  /** The environment variable that names the staging prefix when no option does. */
  static final String PREFIX_VARIABLE = "SSMRUN_STAGING_PREFIX";

  /** The bucket {@code --local} creates in its embedded S3 and stages in. */
  static final String LOCAL_BUCKET = "ssmrun-staging";

  /** How a usage error says where a staging bucket comes from. */
  static final String HOW_TO_STAGE =
      "pass --staging-bucket BUCKET (or set " + BUCKET_VARIABLE + "; --local has one)";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--staging-bucket",
      paramLabel = "BUCKET",
      description =
          "S3 bucket (in the instances' region) where ssmrun stages what does not fit in a"
              + " SendCommand, secret environment, input and results, and keeps the whole output"
              + " unless --output-s3-bucket is given; each run uses its own folder and deletes it"
              + " at the end. The instances need no S3 permission (presigned URLs). Default: "
              + BUCKET_VARIABLE
              + "; with --local, '"
              + LOCAL_BUCKET
              + "' in the embedded S3. Example: --staging-bucket my-ssmrun-staging")
  String bucket;

  @Option(
      names = "--staging-prefix",
      paramLabel = "PREFIX",
      description =
          "Key prefix for --staging-bucket (default: "
              + PREFIX_VARIABLE
              + ", else '"
              + StagingLocation.DEFAULT_PREFIX
              + "'). Example: --staging-prefix ci/ssmrun/")
  String prefix;

  @Option(
      names = "--stage",
      description =
          "Stage the script in S3 even when it fits in the SendCommand (it is staged anyway above"
              + " 49,152 bytes). Example: --stage -f deploy.sh")
  boolean stage;

  @Option(
      names = "--keep-staged",
      description =
          "Leave the run's objects (script, input, results, output) in the staging bucket instead"
              + " of deleting them at the end. Example: --keep-staged")
  boolean keep;

  @Option(
      names = "--secret-env",
      paramLabel = "NAME=VALUE",
      description =
          "Export an environment variable that travels only inside the staged, encrypted payload"
              + " (deleted after the run), never in SSM's command history; needs a staging"
              + " bucket; never printed (repeatable). Example: --secret-env DB_PASSWORD=\"$PW\"")
  List<String> secrets = new ArrayList<>();

  @Option(
      names = "--secret-env-file",
      paramLabel = "FILE",
      description =
          "Read --secret-env variables from FILE: NAME=VALUE lines ('export ' allowed, a value in"
              + " matching quotes loses them), blank lines and lines starting with # skipped."
              + " Example: --secret-env-file prod.env")
  Path secretsFile;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "Stage FILE for the script, which finds it at the path in $SSMRUN_INPUT; the file the"
              + " script writes at $SSMRUN_RESULT comes back (-o json: each instance's 'result';"
              + " --results-dir). Needs a staging bucket. Example: -f job.py --input in.json")
  Path input;

  @Option(
      names = "--results-dir",
      paramLabel = "DIR",
      description =
          "Write each instance's result (the file its script wrote at $SSMRUN_RESULT), byte for"
              + " byte, to DIR/<instance-id>. Needs a staging bucket. Example: --results-dir out")
  Path resultsDir;

  /**
   * Where this run stages: {@code --staging-bucket} (else {@code SSMRUN_STAGING_BUCKET}) with its
   * prefix, else {@link #LOCAL_BUCKET} with {@code --local}; empty without either.
   *
   * @throws dev.ssmrun.InvalidRequestException if the bucket name or the prefix is invalid.
   */
  Optional<StagingLocation> location(Map<String, String> env, boolean local) {
    String name = bucket != null ? bucket : blankToNull(env.get(BUCKET_VARIABLE));
    if (name == null && local) {
      name = LOCAL_BUCKET;
    }
    if (name == null) {
      return Optional.empty();
    }
    String keyPrefix = prefix != null ? prefix : blankToNull(env.get(PREFIX_VARIABLE));
    return Optional.of(
        keyPrefix == null ? StagingLocation.of(name) : StagingLocation.of(name, keyPrefix));
  }

  /**
   * Refuses what needs a staging location when there is none ({@code staged} false), and results
   * that nothing would collect ({@code noWait}); nothing is sent.
   */
  void validate(boolean staged, boolean noWait) {
    if (prefix != null && bucket == null) {
      throw usage("--staging-prefix needs --staging-bucket");
    }
    if (!staged) {
      refuseUnstaged(stage, "--stage", "the script is uploaded there");
      refuseUnstaged(keep, "--keep-staged", "it keeps the run's objects there");
      refuseUnstaged(
          !secrets.isEmpty() || secretsFile != null,
          secrets.isEmpty() ? "--secret-env-file" : "--secret-env",
          "secret values travel only inside the staged, encrypted payload");
      refuseUnstaged(input != null, "--input", "the input is uploaded there");
      refuseUnstaged(resultsDir != null, "--results-dir", "the results are uploaded there");
    }
    if (noWait && resultsDir != null) {
      throw usage("--results-dir needs the run to be watched; drop it or drop --no-wait");
    }
    if (resultsDir != null && Files.exists(resultsDir) && !Files.isDirectory(resultsDir)) {
      throw usage("--results-dir " + resultsDir + " is not a directory");
    }
  }

  /** True if results come back: an input implies them, {@code --results-dir} asks for them. */
  boolean collectsResults() {
    return input != null || resultsDir != null;
  }

  /**
   * The secret environment, {@code --secret-env-file} first, then {@code --secret-env} (a name
   * given twice keeps its last value).
   */
  Map<String, String> secretEnvironment() {
    Map<String, String> all = new LinkedHashMap<>();
    if (secretsFile != null) {
      try {
        EnvFile.read(secretsFile).forEach(kv -> all.put(kv.key(), kv.value()));
      } catch (IllegalArgumentException e) {
        throw usage("--secret-env-file " + e.getMessage());
      }
    }
    for (String secret : secrets) {
      int eq = secret.indexOf('=');
      if (eq <= 0) {
        // Without the value: it may be a secret typed in the wrong place.
        throw usage(
            "--secret-env takes NAME=VALUE (for example DB_PASSWORD=\"$PW\"); got no '=' or no"
                + " name");
      }
      all.put(secret.substring(0, eq), secret.substring(eq + 1));
    }
    return all;
  }

  private void refuseUnstaged(boolean given, String option, String why) {
    if (given) {
      throw usage(option + " needs a staging bucket (" + why + "): " + HOW_TO_STAGE);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
