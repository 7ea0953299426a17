package dev.ssmrun;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Commands already sent (by this process or another) to watch with {@link SsmRunner#attach}: their
 * ids, the failure policy to judge them by, and how long to wait. This class is immutable and
 * thread-safe; create it with {@link #builder()} or {@link #of(String...)}.
 */
public final class AttachRequest {
  private static final Pattern COMMAND_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final List<String> commandIds;
  private final FailurePolicy failurePolicy;
  private final boolean failFast;
  private final Duration waitTimeout;
  private final boolean followOutput;

  private AttachRequest(Builder b) {
    this.commandIds = List.copyOf(b.commandIds);
    this.failurePolicy = b.failurePolicy;
    this.failFast = b.failFast;
    this.waitTimeout = b.waitTimeout;
    this.followOutput = b.followOutput;
  }

  /** A request for {@code commandIds} with the defaults. */
  public static AttachRequest of(String... commandIds) {
    Builder b = builder();
    for (String id : commandIds) {
      b.addCommandId(id);
    }
    return b.build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The command ids, in the order given. */
  public List<String> commandIds() {
    return commandIds;
  }

  /** The policy the result is judged by; defaults to {@link FailurePolicy#none()}. */
  public FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /** True if the rest is cancelled as soon as the failure policy is violated. Default false. */
  public boolean failFast() {
    return failFast;
  }

  /**
   * The client deadline, if set; by default the client waits until the last command expires
   * (SSM's {@code ExpiresAfter}) plus {@link Timeouts#DEFAULT_WAIT_MARGIN}.
   */
  public Optional<Duration> waitTimeout() {
    return Optional.ofNullable(waitTimeout);
  }

  /** True if the output is tailed live, as {@link RunRequest.Builder#followOutput} describes. */
  public boolean followOutput() {
    return followOutput;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttachRequest other
        && followOutput == other.followOutput
        && commandIds.equals(other.commandIds)
        && failurePolicy.equals(other.failurePolicy)
        && failFast == other.failFast
        && Objects.equals(waitTimeout, other.waitTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(commandIds, failurePolicy, failFast, waitTimeout, followOutput);
  }

  @Override
  public String toString() {
    return "AttachRequest{commandIds=" + commandIds + ", policy=" + failurePolicy + "}";
  }

  /** Builds {@link AttachRequest}s. Not thread-safe. */
  public static final class Builder {
    private final LinkedHashSet<String> commandIds = new LinkedHashSet<>();
    private FailurePolicy failurePolicy = FailurePolicy.none();
    private boolean failFast;
    private Duration waitTimeout;
    private boolean followOutput;

    private Builder() {}

    /**
     * Adds a command id, e.g. {@code 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718}.
     *
     * @throws InvalidRequestException if it is not a 36-character command id.
     */
    public Builder addCommandId(String commandId) {
      Objects.requireNonNull(commandId, "commandId == null");
      if (!COMMAND_ID.matcher(commandId).matches()) {
        throw new InvalidRequestException(
            "commandId",
            "'"
                + commandId
                + "' is not an SSM command id (36 characters, e.g."
                + " 5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718)");
      }
      commandIds.add(commandId);
      return this;
    }

    /** Sets the failure policy. */
    public Builder failurePolicy(FailurePolicy policy) {
      this.failurePolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** If true, cancels the rest as soon as the failure policy is violated. */
    public Builder failFast(boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    /**
     * If true, tails the commands' output live from CloudWatch Logs (they must have been sent with
     * CloudWatch output on; otherwise a warning says so and the output comes at the end).
     */
    public Builder followOutput(boolean follow) {
      this.followOutput = follow;
      return this;
    }

    /**
     * Sets the client deadline.
     *
     * @throws InvalidRequestException if not positive.
     */
    public Builder waitTimeout(Duration timeout) {
      RequestChecks.positive("waitTimeout", Objects.requireNonNull(timeout, "timeout == null"));
      this.waitTimeout = timeout;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalStateException if no command id was given.
     */
    public AttachRequest build() {
      if (commandIds.isEmpty()) {
        throw new IllegalStateException("no command id: add one with addCommandId");
      }
      return new AttachRequest(this);
    }
  }
}
