package dev.ssmrun.cli.connect;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * How to reach AWS: each field null when not given, so the SDK's default chains decide (and with
 * them the AWS CLI's environment variables and config files). {@code credentials} is set only for
 * the embedded emulator.
 */
public record AwsSettings(
    String region,
    String profile,
    URI endpointUrl,
    URI s3EndpointUrl,
    URI logsEndpointUrl,
    AwsCredentials credentials) {
  /** Settings from the command line; credentials from the default chains. */
  public static AwsSettings of(
      String region, String profile, URI endpointUrl, URI s3EndpointUrl, URI logsEndpointUrl) {
    return new AwsSettings(region, profile, endpointUrl, s3EndpointUrl, logsEndpointUrl, null);
  }
}
