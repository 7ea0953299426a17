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
   * One round; the step says how long to pause before the next round, or that every command is
   * known. What became known is in {@link #sent()}, even if the round then failed.
   */
  Step step(Instant now);

  /**
   * After a cancel: sends nothing more, but finishes looking for a command whose answer was lost,
   * so that it can be cancelled too.
   */
  Step settle(Instant now);

  /** Every command known so far (sent, or found), in order. */
  List<SentCommand> sent();

  /** Instances SSM refused to send to (offline or unknown): they never ran. */
  List<InvocationResult> rejected();

  /** Things the caller should know, e.g. a MaxErrors stricter than the failure policy. */
  List<String> warnings();

  /** The pause before the next round, or null once every command is known. */
  record Step(Duration pause) {
    /** A step after which every command is known. */
    public static Step done() {
      return new Step(null);
    }

    /** A step to repeat after {@code pause}. */
    public static Step after(Duration pause) {
      return new Step(pause);
    }

    /** True once every command is known. */
    public boolean isDone() {
      return pause == null;
    }
  }
}
