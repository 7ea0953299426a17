package dev.ssmrun.emulator.internal.agent;

import java.util.concurrent.atomic.AtomicReference;

/** A started script: its process group, and why it was stopped if the agent stopped it. */
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

  final long pgid;
  private final ProcessGroups groups;
  private final AtomicReference<Outcome> stopReason = new AtomicReference<>(Outcome.EXITED);

  RunningScript(long pgid, ProcessGroups groups) {
    this.pgid = pgid;
    this.groups = groups;
  }

  /** Kills the group, remembering the first reason given. */
  public void stop(Outcome reason) {
    if (stopReason.compareAndSet(Outcome.EXITED, reason)) {
      groups.kill(pgid);
    }
  }

  Outcome outcome() {
    return stopReason.get();
  }
}
