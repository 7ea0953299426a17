package dev.ssmrun.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients of one command and what they share (HTTP client, credential provider). S3 is
 * built on first use, so that commands that never read S3 do not pay for it. {@link #close()}
 * closes everything, newest first.
 */
final class AwsClients implements AutoCloseable {
  private final SsmClient ssm;
  private final Supplier<S3Client> s3Factory;
  private final List<AutoCloseable> shared;
  private S3Client s3;

  /** {@code shared} (credential provider, HTTP client) is closed after the clients. */
  AwsClients(SsmClient ssm, Supplier<S3Client> s3Factory, List<AutoCloseable> shared) {
    this.ssm = ssm;
    this.s3Factory = s3Factory;
    this.shared = List.copyOf(shared);
  }

  SsmClient ssm() {
    return ssm;
  }

  synchronized S3Client s3() {
    if (s3 == null) {
      s3 = s3Factory.get();
    }
    return s3;
  }

  @Override
  public synchronized void close() {
    List<AutoCloseable> all = new ArrayList<>();
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
