package dev.ssmrun;

/**
 * Hears about a run as it goes. Called on the thread that polls, so return quickly and do not
 * block; exceptions thrown here are ignored.
 */
public interface ProgressListener {
  /** One instance reached its outcome; called once per instance. */
  default void onInvocationCompleted(InvocationResult invocation) {}

  /** The counts changed. The last call has {@link Progress#isDone()} true. */
  default void onProgress(Progress progress) {}
}
