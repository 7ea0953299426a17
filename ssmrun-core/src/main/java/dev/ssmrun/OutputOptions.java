package dev.ssmrun;

import java.util.Objects;
import java.util.Optional;

/**
 * Where SSM puts a run's output besides its inline copy (24,000 characters of stdout, 8,000 of
 * stderr): an S3 bucket, from which ssmrun reads truncated output back whole, and CloudWatch
 * Logs. Part of a {@link RunRequest}, set through its builder. This class is immutable and
 * thread-safe.
 */
public final class OutputOptions {
  private final String s3Bucket;
  private final String s3Prefix;
  private final boolean cloudWatch;
  private final String cloudWatchLogGroup;
  private final boolean follow;

  OutputOptions(
      String s3Bucket,
      String s3Prefix,
      boolean cloudWatch,
      String cloudWatchLogGroup,
      boolean follow) {
    this.s3Bucket = s3Bucket;
    this.s3Prefix = Objects.requireNonNull(s3Prefix, "s3Prefix == null");
    this.cloudWatch = cloudWatch || follow;
    this.cloudWatchLogGroup = cloudWatchLogGroup;
    this.follow = follow;
  }

  /** The S3 bucket SSM writes full output to, if set. */
  public Optional<String> s3Bucket() {
    return Optional.ofNullable(s3Bucket);
  }

  /** The S3 key prefix for output; empty if none. */
  public String s3Prefix() {
    return s3Prefix;
  }

  /** True if ssmrun tails the output live from CloudWatch Logs (which implies {@link #cloudWatch()}). */
  public boolean follow() {
    return follow;
  }

  /** True if SSM sends the output to CloudWatch Logs too. */
  public boolean cloudWatch() {
    return cloudWatch;
  }

  /** The CloudWatch log group, if set; otherwise SSM's default ({@code /aws/ssm/<document>}). */
  public Optional<String> cloudWatchLogGroup() {
    return Optional.ofNullable(cloudWatchLogGroup);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputOptions other
        && Objects.equals(s3Bucket, other.s3Bucket)
        && s3Prefix.equals(other.s3Prefix)
        && cloudWatch == other.cloudWatch
        && Objects.equals(cloudWatchLogGroup, other.cloudWatchLogGroup)
        && follow == other.follow;
  }

  @Override
  public int hashCode() {
    return Objects.hash(s3Bucket, s3Prefix, cloudWatch, cloudWatchLogGroup, follow);
  }

  @Override
  public String toString() {
    return "OutputOptions{s3Bucket="
        + s3Bucket
        + ", s3Prefix="
        + s3Prefix
        + ", cloudWatch="
        + cloudWatch
        + ", logGroup="
        + cloudWatchLogGroup
        + ", follow="
        + follow
        + "}";
  }
}
