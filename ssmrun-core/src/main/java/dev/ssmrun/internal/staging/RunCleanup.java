package dev.ssmrun.internal.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a run must undo when it ends, however it ends (success, failure, cancel, deadline,
 * interrupt, runner close): stages register actions as they create things, the run executes them
 * once, last registered first. Confined to the run's driver.
 */
public final class RunCleanup {
  private final List<Action> actions = new ArrayList<>();
  private boolean done;

  /** An action and how to describe what it leaves behind if it fails. */
  private record Action(Runnable run, Function<RuntimeException, String> onFailure) {}

  /**
   * Registers {@code action}; if it throws, {@code onFailure} says what is left and what to do.
   *
   * @throws IllegalStateException if the cleanup already ran.
   */
  public void add(Runnable action, Function<RuntimeException, String> onFailure) {
    if (done) {
      throw new IllegalStateException("the run already cleaned up");
    }
    actions.add(new Action(action, onFailure));
  }

  /** Runs every action once (later calls do nothing); returns a warning per failed action. */
  public List<String> run() {
    if (done) {
      return List.of();
    }
    done = true;
    List<String> warnings = new ArrayList<>();
    for (int i = actions.size() - 1; i >= 0; i--) {
      try {
        actions.get(i).run().run();
      } catch (RuntimeException e) {
        warnings.add(actions.get(i).onFailure().apply(e));
      }
    }
    return warnings;
  }
}
