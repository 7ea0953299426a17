package dev.ssmrun.emulator.internal.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A started script: its control pipe and output captures, and why the agent stopped it, if it
 * did. Stopping detaches the output and closes the control pipe, on which the supervisor kills
 * everything the script started; no process id is signalled from here.
 */
public final class RunningScript {
  /** Why a script ended. */
  public enum Outcome {
    /** The agent dropped it before spawning a process (cancelled meanwhile). */
    NOT_STARTED,
    EXITED,
    TIMED_OUT,
    CANCELLED,
    CRASHED
  }

  private final OutputStream control;
  private final List<OutputCapture> captures;
  private final AtomicReference<Outcome> stopReason = new AtomicReference<>(Outcome.EXITED);
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();

  RunningScript(OutputStream control, List<OutputCapture> captures) {
    this.control = control;
    this.captures = List.copyOf(captures);
  }

  /** Stops the script, remembering the first reason given; later calls change nothing. */
  public void stop(Outcome reason) {
    if (stopReason.compareAndSet(Outcome.EXITED, reason)) {
      captures.forEach(OutputCapture::detach);
      release();
      stopped.complete(null);
    }
  }

  /** Closes the control pipe: the supervisor ends what is left of the script. Idempotent. */
  void release() {
    try {
      control.close();
    } catch (IOException e) {
      // The supervisor is gone already: nothing is left to end.
    }
  }

  Outcome outcome() {
    return stopReason.get();
  }

  /** Completes when {@link #stop} is first called. */
  CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** Completes once the script's process has exited and its output is read. */
  CompletableFuture<Void> ended() {
    return ended;
  }
}
