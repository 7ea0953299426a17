package dev.ssmrun;

import java.util.Objects;
import java.util.Optional;

/**
 * An S3 bucket and key prefix where ssmrun stages what does not fit in a SendCommand: large
 * scripts, secret environment, script input and results, and (unless the request names an output
 * bucket) the command's whole output. Each run works under its own folder, {@code
 * <prefix><run id>/}, and deletes it when it ends unless asked to keep it. Objects are written
 * with SSE-S3, or SSE-KMS with {@link #withKmsKey}. The bucket must be in the instances' region.
 * This class is immutable and thread-safe.
 *
 * <pre>{@code
 * SsmRunner runner = SsmRunner.builder()
 *     .staging(StagingLocation.of("my-staging-bucket", "ssmrun/"))
 *     .build();
 * }</pre>
 */
public final class StagingLocation {
  /** The key prefix of {@link #of(String)}: {@code ssmrun/}. */
  public static final String DEFAULT_PREFIX = "ssmrun/";

  private final String bucket;
  private final String prefix;
  private final String kmsKeyId;

  private StagingLocation(String bucket, String prefix, String kmsKeyId) {
    this.bucket = bucket;
    this.prefix = prefix;
    this.kmsKeyId = kmsKeyId;
  }

  /**
   * {@code bucket} with the key prefix {@link #DEFAULT_PREFIX}.
   *
   * @throws InvalidRequestException if {@code bucket} is not a valid S3 bucket name.
   */
  public static StagingLocation of(String bucket) {
    return of(bucket, DEFAULT_PREFIX);
  }

  /**
   * {@code bucket} with the key prefix {@code prefix}; a prefix that does not end in {@code /}
   * gets one, and an empty prefix means the bucket's top level.
   *
   * @throws InvalidRequestException if {@code bucket} is not a valid S3 bucket name, or {@code
   *     prefix} is longer than 400 characters.
   */
  public static StagingLocation of(String bucket, String prefix) {
    Objects.requireNonNull(bucket, "bucket == null");
    Objects.requireNonNull(prefix, "prefix == null");
    RequestChecks.bucket("staging", bucket);
    if (prefix.length() > 400) {
      throw new InvalidRequestException(
          "staging", "prefix must have at most 400 characters (S3 keys of a run add about 100)");
    }
    String folder = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    return new StagingLocation(bucket, folder, null);
  }

  /**
   * This location with SSE-KMS under {@code kmsKeyId} (a key id, ARN or alias) instead of SSE-S3.
   * The instances need no KMS permission: they use presigned URLs.
   */
  public StagingLocation withKmsKey(String kmsKeyId) {
    Objects.requireNonNull(kmsKeyId, "kmsKeyId == null");
    if (kmsKeyId.isBlank()) {
      throw new InvalidRequestException("staging", "KMS key id must not be blank");
    }
    return new StagingLocation(bucket, prefix, kmsKeyId);
  }

  /** The bucket, e.g. {@code my-staging-bucket}. */
  public String bucket() {
    return bucket;
  }

  /** The key prefix, empty or ending in {@code /}, e.g. {@code ssmrun/}. */
  public String prefix() {
    return prefix;
  }

  /** The KMS key objects are encrypted with; empty: SSE-S3. */
  public Optional<String> kmsKeyId() {
    return Optional.ofNullable(kmsKeyId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StagingLocation other
        && bucket.equals(other.bucket)
        && prefix.equals(other.prefix)
        && Objects.equals(kmsKeyId, other.kmsKeyId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, prefix, kmsKeyId);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix + (kmsKeyId == null ? "" : " (SSE-KMS)");
  }
}
