package dev.ssmrun.cli.connect;

import java.util.Map;

/**
 * The AWS CLI's environment variables that the SDK for Java does not read itself. The SDK reads
 * AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL_S3,
 * AWS_ENDPOINT_URL_STS, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE; the AWS CLI also reads
 * AWS_DEFAULT_REGION.
 */
final class AwsEnvironment {
  private AwsEnvironment() {}

  /** AWS_REGION, else AWS_DEFAULT_REGION; null when neither is set. */
  static String region(Map<String, String> env) {
    String region = nonBlank(env.get("AWS_REGION"));
    return region != null ? region : nonBlank(env.get("AWS_DEFAULT_REGION"));
  }

  /** The SSM endpoint the SDK takes from the environment, for messages; null if none. */
  static String ssmEndpoint(Map<String, String> env) {
    String specific = nonBlank(env.get("AWS_ENDPOINT_URL_SSM"));
    return specific != null ? specific : nonBlank(env.get("AWS_ENDPOINT_URL"));
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
