package dev.ssmrun.emulator.internal.s3;

import dev.ssmrun.emulator.internal.Settings;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/** SDK clients for the emulator's endpoints: static keys, SDK retries on with zero backoff. */
public final class Clients {
  private Clients() {}

  /** An SSM client for {@code endpoint}, signing with the keys and region of {@code settings}. */
  public static SsmClient ssm(URI endpoint, Settings settings) {
    return SsmClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials(settings))
        .overrideConfiguration(Clients::zeroBackoff)
        .build();
  }

  /** A CloudWatch Logs client for {@code endpoint}, signing as {@code settings} say. */
  public static CloudWatchLogsClient logs(URI endpoint, Settings settings) {
    return CloudWatchLogsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials(settings))
        .overrideConfiguration(Clients::zeroBackoff)
        .build();
  }

  /** A path-style S3 client for {@code endpoint}, signing as {@code settings} say. */
  public static S3Client s3(URI endpoint, Settings settings) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(settings.region()))
        .forcePathStyle(true)
        .credentialsProvider(credentials(settings))
        .overrideConfiguration(Clients::zeroBackoff)
        .build();
  }

  private static StaticCredentialsProvider credentials(Settings settings) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
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
