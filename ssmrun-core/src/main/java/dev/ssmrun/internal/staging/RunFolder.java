package dev.ssmrun.internal.staging;

import dev.ssmrun.StagingLocation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One run's folder under a staging location, {@code <prefix><run id>/}: the run id starts with the
 * time (so leftovers sort by age) and ends with a random token, so two runs never share or delete
 * each other's objects. Staged objects carry their SHA-256 in their key.
 */
public record RunFolder(StagingLocation location, String runId) {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A new folder for a run started at {@code now}, ending with {@code token}. */
  public static RunFolder create(StagingLocation location, Instant now, String token) {
    return new RunFolder(location, STAMP.format(now) + "-" + token);
  }

  /** The bucket. */
  public String bucket() {
    return location.bucket();
  }

  /** Every key of the run starts with this: {@code <prefix><run id>/}. */
  public String prefix() {
    return location.prefix() + runId + "/";
  }

  /** The key of a staged object, e.g. {@code script-<sha256>}. */
  public String key(String name) {
    return prefix() + name;
  }

  /** The output key prefix SSM writes under when the caller set no output bucket. */
  public String outputPrefix() {
    return prefix() + "output";
  }

  /** Where {@code instanceId} uploads its script result. */
  public String resultKey(String instanceId) {
    return prefix() + "results/" + instanceId;
  }

  /** The folder as an S3 URL, for messages. */
  public String url() {
    return "s3://" + bucket() + "/" + prefix();
  }
}
