package dev.ssmrun.cli;

import dev.ssmrun.StagingException;
import java.util.Map;

/**
 * The library's refusals of a run's S3 side ({@link StagingException}: nothing was sent) in the
 * command line's words: a run that needs a staging bucket and has none is a usage error (2); a
 * bucket that is missing, denied, in another region or unreachable is 255, named as the library
 * names it (bucket and key).
 */
final class StagingErrors {
  private static final String NEEDS_LOCATION = "this run needs a staging location: ";
  private static final String NOTHING_SENT = "; nothing was sent";

  /** The library's words for its settings, and the options that set them. */
  private static final Map<String, String> OPTIONS =
      Map.of(
          "the staging bucket '", "the staging bucket (--staging-bucket) '",
          "the output bucket '", "the output bucket (--output-s3-bucket) '",
          "stage(true) asks for it", "--stage asks for it",
          "the input (input) is staged for the script", "--input is staged for the script",
          "results (collectResults) are uploaded", "results (--results-dir) are uploaded",
          "secret environment (", "--secret-env (",
          "the S3 client's credentials", "the credentials (--profile, AWS_PROFILE)",
          "the SSM client", "--region");

  private StagingErrors() {}

  static CliError of(StagingException e) {
    String message = e.getMessage();
    if (e.reason() == StagingException.Reason.NO_LOCATION) {
      if (!message.startsWith(NEEDS_LOCATION)) {
        return CliError.usage(inOptionWords(message));
      }
      int end = message.indexOf(". Set one with ");
      String reasons = message.substring(NEEDS_LOCATION.length(), end < 0 ? message.length() : end);
      return CliError.usage(
          "this run needs a staging bucket: "
              + inOptionWords(reasons)
              + "; "
              + StageOptions.HOW_TO_STAGE
              + NOTHING_SENT);
    }
    if (e.reason() == StagingException.Reason.UNREACHABLE) {
      int detail = message.indexOf(" (");
      String problem = CliError.networkProblem(e);
      return new CliError(
          "endpoint_unreachable",
          (detail < 0 ? message : message.substring(0, detail))
              + (problem == null ? "" : " (" + problem + ")")
              + "; check --s3-endpoint-url, AWS_ENDPOINT_URL_S3, --region and the network"
              + NOTHING_SENT,
          ExitCodes.UNREACHABLE);
    }
    return new CliError(
        code(e), CliError.withoutSdkNoise(inOptionWords(message)), ExitCodes.UNREACHABLE);
  }

  private static String code(StagingException e) {
    return switch (e.reason()) {
      case NO_LOCATION -> "usage"; // not reached: a usage error above
      case BUCKET_NOT_FOUND -> "bucket_not_found";
      case ACCESS_DENIED -> "access_denied";
      case OTHER_REGION -> "bucket_region";
      case UNREACHABLE -> "endpoint_unreachable";
      case S3_ERROR -> "s3_error";
    };
  }

  private static String inOptionWords(String text) {
    String result = text;
    for (Map.Entry<String, String> word : OPTIONS.entrySet()) {
      result = result.replace(word.getKey(), word.getValue());
    }
    return result;
  }
}
