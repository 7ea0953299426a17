package dev.ssmrun.cli;

import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns the SDK's long "nothing in the chain" errors into one line that says what to do. */
final class AwsSetupHints {
  private AwsSetupHints() {}

  /** A one-line hint for {@code ex}, or null when there is none. */
  static String forException(Exception ex) {
    if (!(ex instanceof SdkClientException) || ex.getMessage() == null) {
      return null;
    }
    String message = ex.getMessage();
    if (message.startsWith("Unable to load region")) {
      return "no AWS region found: pass --region, set AWS_REGION, or set a region in your AWS"
          + " profile (or try --local for the embedded emulator)";
    }
    if (message.startsWith("Unable to load credentials")) {
      return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass"
          + " --profile, or configure a default profile (or try --local for the embedded emulator)";
    }
    if (message.contains("Profile file contained no credentials for profile")) {
      return "the AWS profile has no credentials: " + message;
    }
    return null;
  }
}
