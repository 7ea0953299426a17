package dev.ssmrun.internal.output;

import dev.ssmrun.InvocationResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Replaces output that SSM cut at 24,000/8,000 characters with the full text from the S3 output
 * bucket, when the command had one: one invocation at a time, as each finishes.
 */
public final class OutputFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFetcher.class);
  private final Supplier<S3Client> s3;

  /** A fetcher that asks {@code s3} for its client when it first needs one. */
  public OutputFetcher(Supplier<S3Client> s3) {
    this.s3 = s3;
  }

  /** {@code r} with its whole output where SSM truncated it and S3 has it. */
  public InvocationResult complete(InvocationResult r) {
    boolean stdout = r.stdoutTruncated() && r.stdoutUrl().isPresent();
    boolean stderr = r.stderrTruncated() && r.stderrUrl().isPresent();
    if (!stdout && !stderr) {
      return r;
    }
    InvocationResult.Builder b = r.toBuilder();
    if (stdout) {
      read(r.stdoutUrl().get()).ifPresent(text -> b.stdout(text).stdoutTruncated(false));
    }
    if (stderr) {
      read(r.stderrUrl().get()).ifPresent(text -> b.stderr(text).stderrTruncated(false));
    }
    return b.build();
  }

  private Optional<String> read(String url) {
    Optional<String[]> location = bucketAndKey(url);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    try {
      String[] bk = location.get();
      byte[] bytes = s3.get().getObjectAsBytes(b -> b.bucket(bk[0]).key(bk[1])).asByteArray();
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (SdkException e) {
      LOG.warn(
          "could not read full output from S3 ({}); keeping SSM's truncated copy",
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /**
   * Bucket and key from an output URL: path style ({@code https://s3.region.amazonaws.com/b/k},
   * also an emulator's {@code http://127.0.0.1:port/b/k}) or virtual-hosted ({@code
   * https://b.s3.region.amazonaws.com/k}).
   */
  public static Optional<String[]> bucketAndKey(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String host = uri.getHost() == null ? "" : uri.getHost();
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    int virtual = host.indexOf(".s3.");
    if (virtual > 0 && !path.isEmpty()) {
      return Optional.of(new String[] {host.substring(0, virtual), path});
    }
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new String[] {path.substring(0, slash), path.substring(slash + 1)});
  }
}
