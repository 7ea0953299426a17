package dev.ssmrun.emulator.internal.api;

/** An AWS error answer: the bare {@code __type}, an optional message, and the HTTP status. */
public final class AwsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int httpStatus;
  private final boolean hasMessage;

  private AwsError(String code, String message, int httpStatus, boolean hasMessage) {
    super(message, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
    this.hasMessage = hasMessage;
  }

  /** A 400 error with a message. */
  public static AwsError of(String code, String message) {
    return new AwsError(code, message, 400, true);
  }

  /** A 400 error whose shape has no members, e.g. {@code InvocationDoesNotExist}. */
  static AwsError bare(String code) {
    return new AwsError(code, "", 400, false);
  }

  /** The Coral-style {@code ValidationException} with AWS's "1 validation error" text. */
  static AwsError validation(String value, String field, String constraint) {
    return of(
        "ValidationException",
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + field
            + "' failed to satisfy constraint: "
            + constraint);
  }

  /** {@code InternalServerError}, HTTP 500. */
  public static AwsError internal() {
    return new AwsError("InternalServerError", "Internal Server Error", 500, true);
  }

  /** {@code ThrottlingException} with "Rate exceeded", HTTP 400. */
  public static AwsError throttled() {
    return of("ThrottlingException", "Rate exceeded");
  }

  /** The error code, e.g. {@code InvalidInstanceId}. */
  public String code() {
    return code;
  }

  /** 400 for client errors and throttling, 500 for {@code InternalServerError}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** False for shapes without members, whose body is only {@code __type}. */
  public boolean hasMessage() {
    return hasMessage;
  }
}
