package dev.ssmrun.internal.send;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.internal.watch.SentCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a run gets the commands it watches: by sending them ({@link Dispatch}) or by finding
 * commands already sent ({@link Attachment}). Each call makes one round of API calls; no thread
 * sleeps inside. Not thread-safe: one run's driver calls it.
 */
public interface Launch {
  /**
   * One round; the step says which commands became known and how long to pause before the next
   * round, or that every command is known.
   */
  Step step(Instant now);

  /**
   * After a cancel: sends nothing more, but finishes looking for a command whose answer was lost,
   * so that it can be cancelled too.
   */
  Step settle(Instant now);

  /** Instances SSM refused to send to (offline or unknown): they never ran. */
  List<InvocationResult> rejected();

  /** Things the caller should know, e.g. a MaxErrors stricter than the failure policy. */
  List<String> warnings();

  /** Commands that became known in one round, and the pause before the next (null: done). */
  record Step(List<SentCommand> sent, Duration pause) {
    /** A step after which every command is known. */
    public static Step done(List<SentCommand> sent) {
      return new Step(List.copyOf(sent), null);
    }

    /** A step to repeat after {@code pause}. */
    public static Step after(Duration pause, List<SentCommand> sent) {
      return new Step(List.copyOf(sent), pause);
    }

    /** True once every command is known. */
    public boolean isDone() {
      return pause == null;
    }
  }
}
