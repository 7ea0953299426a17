package dev.ssmrun.emulator.internal.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scripts running right now, so that closing the emulator can stop them all. A script is
 * forgotten as soon as it ended. Thread-safe.
 */
public final class RunningScripts {
  private final Set<RunningScript> running = new LinkedHashSet<>();
  private boolean closed;

  /** Records a started script; after {@link #stopAll} it refuses (false) and the caller stops it. */
  synchronized boolean add(RunningScript script) {
    if (closed) {
      return false;
    }
    running.add(script);
    return true;
  }

  synchronized void remove(RunningScript script) {
    running.remove(script);
  }

  /**
   * Stops every running script (as a crash: nothing is reported) and waits, at most {@code
   * limit}, until each has ended.
   */
  public void stopAll(Duration limit) {
    List<RunningScript> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(running);
    }
    all.forEach(script -> script.stop(RunningScript.Outcome.CRASHED));
    CompletableFuture<?>[] ends =
        all.stream().map(RunningScript::ended).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(ends).get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Closing goes on: what did not end in time is left to its supervisor.
    }
  }
}
