package dev.ssmrun;

/**
 * The S3 side of a run cannot work, so nothing was sent: a payload too large to send inline (or
 * secrets, input or results) without a staging location, a staging or output bucket that is
 * missing, in another region or not accessible, or an upload that S3 refused. The message names
 * the bucket (and key) and what to do.
 */
public final class StagingException extends SsmRunException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message says what is wrong and what to do. */
  public StagingException(String message) {
    super(message);
  }

  /** An exception with a message and the S3 error behind it. */
  public StagingException(String message, Throwable cause) {
    super(message, cause);
  }
}
