package dev.ssmrun;

/** The root of ssmrun's unchecked exceptions. SDK exceptions pass through unchanged. */
public class SsmRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that says what went wrong and what to do. */
  public SsmRunException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public SsmRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
