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

  /** An error with its own HTTP status. */
  public static AwsError withStatus(String code, String message, int httpStatus) {
    return new AwsError(code, message, httpStatus, true);
  }

  /** A 400 error whose shape has no members, e.g. {@code InvocationDoesNotExist}. */
  static AwsError bare(String code) {
    return new AwsError(code, "", 400, false);
  }

  /** The Coral-style {@code ValidationException} with AWS's "1 validation error" text. */
  public static AwsError validation(String value, String field, String constraint) {
    return of(
        "ValidationException",
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + field
            + "' failed to satisfy constraint: "
            + constraint);
  }

  /** A filter value outside the ones its key takes, answered with {@code code}. */
  static AwsError filterValue(
      String code, String key, String value, java.util.Set<String> allowed) {
    return of(
        code,
        "The filter value "
            + value
            + " is not valid for "
            + key
            + "; valid values: "
            + new java.util.TreeSet<>(allowed)
            + ".");
  }

  /** {@code InternalServerError}, HTTP 500. */
  public static AwsError internal() {
    return new AwsError("InternalServerError", "Internal Server Error", 500, true);
  }

  /** {@code ServiceUnavailableException}, HTTP 500: the CloudWatch Logs fault. */
  public static AwsError unavailable() {
    return new AwsError(
        "ServiceUnavailableException", "The service cannot complete the request.", 500, true);
  }

  /** {@code AccessDeniedException}, HTTP 400, as IAM answers a caller without the permission. */
  public static AwsError accessDenied(String accessKeyId, String action) {
    return of(
        "AccessDeniedException",
        "User: arn:aws:iam::000000000000:user/"
            + accessKeyId
            + " is not authorized to perform: "
            + action
            + " because no identity-based policy allows the "
            + action
            + " action");
  }

  /** {@code ThrottlingException} with "Rate exceeded", HTTP 400. */
  public static AwsError throttled() {
    return of("ThrottlingException", "Rate exceeded");
  }

  /** The error code, e.g. {@code InvalidInstanceId}. */
  public String code() {
    return code;
  }

  /** 400 for client errors and throttling, 500 for service faults, 413 for a too large body. */
  public int httpStatus() {
    return httpStatus;
  }

  /** False for shapes without members, whose body is only {@code __type}. */
  public boolean hasMessage() {
    return hasMessage;
  }
}
