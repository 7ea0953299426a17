package dev.ssmrun;

/**
 * Hears about a run as it goes. Called on the thread that drives the run (the caller's for {@link
 * SsmRunner#run}, a scheduler thread otherwise), never while ssmrun holds a lock, one call at a time
 * per run; return quickly. Exceptions thrown here are logged and ignored.
 */
public interface ProgressListener {
  /** One instance reached its outcome; called once per instance, before its progress. */
  default void onInvocationCompleted(InvocationResult invocation) {}

  /**
   * The run's progress changed: an invocation became known, changed status or finished, or a
   * command was sent. Not called when a poll saw nothing new. The last call has {@link
   * Progress#isDone()} true.
   */
  default void onProgress(Progress progress) {}

  /**
   * New live output of one instance, for runs that {@linkplain RunRequest.Builder#followOutput
   * follow their output}: in order per instance and stream, before that instance's {@link
   * #onInvocationCompleted}.
   */
  default void onOutput(OutputChunk chunk) {}

  /** Something the caller should know that does not fail the run; also in the result. */
  default void onWarning(String warning) {}
}
