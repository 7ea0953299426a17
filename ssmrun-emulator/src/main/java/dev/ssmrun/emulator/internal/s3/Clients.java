package dev.ssmrun.emulator.internal.s3;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/** SDK clients for the emulator's endpoints: static keys, SDK retries on with zero backoff. */
public final class Clients {
  private Clients() {}

  /** An SSM client for {@code endpoint}. */
  public static SsmClient ssm(URI endpoint, String keyId, String secret, String region) {
    return SsmClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(credentials(keyId, secret))
        .overrideConfiguration(Clients::zeroBackoff)
        .build();
  }

  /** A path-style S3 client for {@code endpoint}. */
  public static S3Client s3(URI endpoint, String keyId, String secret, String region) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .forcePathStyle(true)
        .credentialsProvider(credentials(keyId, secret))
        .overrideConfiguration(Clients::zeroBackoff)
        .build();
  }

  private static StaticCredentialsProvider credentials(String keyId, String secret) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
  }

  private static void zeroBackoff(ClientOverrideConfiguration.Builder o) {
    o.retryStrategy(
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .backoffStrategy(BackoffStrategy.retryImmediately())
            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
            .maxAttempts(4)
            .build());
  }
}
