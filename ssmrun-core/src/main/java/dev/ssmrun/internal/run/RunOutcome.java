package dev.ssmrun.internal.run;

import dev.ssmrun.CommandNotFoundException;
import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.NoInstancesMatchedException;
import dev.ssmrun.PreflightException;
import dev.ssmrun.RunFailedException;
import dev.ssmrun.StagingException;
import dev.ssmrun.internal.watch.MissingCommand;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** How a run ends: its flags, its result, or the one exception that reports its failure. */
final class RunOutcome {
  private final Run.Spec spec;
  private boolean deadlineExceeded;
  private boolean cancelledByClient;
  private CommandResult result;

  RunOutcome(Run.Spec spec) {
    this.spec = spec;
  }

  void deadlineExceeded() {
    deadlineExceeded = true;
  }

  void cancelledByClient() {
    cancelledByClient = true;
  }

  /**
   * Builds the result.
   *
   * @throws NoInstancesMatchedException if the only command matched no instance.
   */
  void finish(
      List<String> commandIds,
      List<InvocationResult> invocations,
      List<String> warnings,
      boolean matchedNothing) {
    result = build(commandIds, invocations, warnings);
    if (matchedNothing && invocations.isEmpty()) {
      throw new NoInstancesMatchedException(spec.tagTargets(), result);
    }
  }

  CommandResult result() {
    return result;
  }

  /** The exception a caller sees for {@code e}, with the partial result where there is one. */
  RuntimeException failure(
      RuntimeException e,
      List<String> commandIds,
      List<InvocationResult> invocations,
      List<String> warnings) {
    if (e instanceof PreflightException
        || e instanceof StagingException
        || e instanceof RunFailedException) {
      return e; // Nothing was sent, or the failure already says what was.
    }
    cancelledByClient |= !commandIds.isEmpty();
    CommandResult partial = build(commandIds, invocations, warnings);
    if (e instanceof MissingCommand missing) {
      return new CommandNotFoundException(
          missing.commandId(), missing.getMessage() + sent(commandIds), partial);
    }
    return new RunFailedException("the run failed: " + describe(e) + sent(commandIds), partial, e);
  }

  private CommandResult build(
      List<String> commandIds, List<InvocationResult> invocations, List<String> warnings) {
    return CommandResult.builder()
        .commandIds(commandIds)
        .invocations(invocations)
        .warnings(warnings)
        .failurePolicy(spec.policy())
        .deadlineExceeded(deadlineExceeded)
        .cancelledByClient(cancelledByClient)
        .build();
  }

  private static String describe(RuntimeException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      String message = aws.awsErrorDetails().errorMessage();
      return (code == null ? "HTTP " + aws.statusCode() : code)
          + (message == null || message.isEmpty() ? "" : ": " + message);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String sent(List<String> commandIds) {
    return commandIds.isEmpty()
        ? " (nothing was sent)"
        : " (commands sent before, now cancelled: " + String.join(", ", commandIds) + ")";
  }
}
