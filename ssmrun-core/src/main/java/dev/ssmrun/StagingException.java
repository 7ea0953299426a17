package dev.ssmrun;

import java.util.Objects;

/**
 * The S3 side of a run cannot work, so nothing was sent: a payload too large to send inline (or
 * secrets, input or results) without a staging location, a staging or output bucket that is
 * missing, in another region or not accessible, or an upload that S3 refused. The message names
 * the bucket (and key) and what to do; {@link #reason()} says which case it is.
 */
public final class StagingException extends SsmRunException {
  private static final long serialVersionUID = 1L;

  /** Which part of a run's S3 side cannot work. */
  public enum Reason {
    /** The run must stage (size, secrets, input, results, {@code stage(true)}) but has no place. */
    NO_LOCATION,
    /** The staging or output bucket does not exist (HeadBucket 404). */
    BUCKET_NOT_FOUND,
    /** The S3 client may not use the bucket (403), or S3 refused an upload for lack of rights. */
    ACCESS_DENIED,
    /** The bucket is in another region than the SSM client's instances. */
    OTHER_REGION,
    /** S3 could not be reached (network, endpoint). */
    UNREACHABLE,
    /** Any other refusal by S3. */
    S3_ERROR
  }

  private final Reason reason;

  /** An exception whose message says what is wrong and what to do. */
  public StagingException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** An exception with a message and the S3 error behind it. */
  public StagingException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** Which part of the run's S3 side cannot work. */
  public Reason reason() {
    return reason;
  }
}
