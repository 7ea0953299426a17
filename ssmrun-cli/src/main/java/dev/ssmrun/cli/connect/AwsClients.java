package dev.ssmrun.cli.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients of one command and what they share (HTTP client, credential provider). S3 and
 * CloudWatch Logs are built on first use, so that commands that never read output buckets or
 * follow output do not pay for them. {@link #close()} closes everything, newest first.
 */
public final class AwsClients implements AutoCloseable {
  private final SsmClient ssm;
  private final Supplier<S3Client> s3Factory;
  private final Supplier<CloudWatchLogsClient> logsFactory;
  private final List<AutoCloseable> shared;
  private S3Client s3;
  private CloudWatchLogsClient logs;

  /** {@code shared} (credential provider, HTTP client) is closed after the clients. */
  AwsClients(
      SsmClient ssm,
      Supplier<S3Client> s3Factory,
      Supplier<CloudWatchLogsClient> logsFactory,
      List<AutoCloseable> shared) {
    this.ssm = ssm;
    this.s3Factory = s3Factory;
    this.logsFactory = logsFactory;
    this.shared = List.copyOf(shared);
  }

  public SsmClient ssm() {
    return ssm;
  }

  public synchronized S3Client s3() {
    if (s3 == null) {
      s3 = s3Factory.get();
    }
    return s3;
  }

  public synchronized CloudWatchLogsClient logs() {
    if (logs == null) {
      logs = logsFactory.get();
    }
    return logs;
  }

  @Override
  public synchronized void close() {
    List<AutoCloseable> all = new ArrayList<>();
    if (logs != null) {
      all.add(logs);
    }
    if (s3 != null) {
      all.add(s3);
    }
    all.add(ssm);
    all.addAll(shared);
    closeAll(all);
  }

  /** Closes each of {@code resources} in order, even if one fails; rethrows the first failure. */
  static void closeAll(List<AutoCloseable> resources) {
    RuntimeException first = null;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("could not close " + resource, e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
