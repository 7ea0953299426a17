package dev.ssmrun.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One API call the emulator received: operation, outcome and the raw request body. Immutable.
 * {@link #toString()} leaves the body out, since it may hold scripts or secrets.
 */
public final class RecordedCall {
  private final String operation;
  private final String outcome;
  private final String requestBody;
  private final Instant time;

  RecordedCall(String operation, String outcome, String requestBody, Instant time) {
    this.operation = operation;
    this.outcome = outcome;
    this.requestBody = requestBody;
    this.time = time;
  }

  /** The operation, e.g. {@code SendCommand}, or the target header's text if unknown. */
  public String operation() {
    return operation;
  }

  /** {@code ok}, {@code lost} (answer dropped after processing), or the error code sent. */
  public String outcome() {
    return outcome;
  }

  /** The JSON request body as received (the call's parameters). */
  public String requestBody() {
    return requestBody;
  }

  /** When the call arrived, by the emulator's clock. */
  public Instant time() {
    return time;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordedCall other)) {
      return false;
    }
    return operation.equals(other.operation)
        && outcome.equals(other.outcome)
        && requestBody.equals(other.requestBody)
        && time.equals(other.time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, outcome, requestBody, time);
  }

  @Override
  public String toString() {
    return "RecordedCall{"
        + operation
        + " -> "
        + outcome
        + ", bodyLength="
        + requestBody.length()
        + ", time="
        + time
        + "}";
  }
}
