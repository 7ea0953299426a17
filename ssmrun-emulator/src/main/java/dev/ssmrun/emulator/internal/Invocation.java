package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.internal.agent.RunningScript;
import java.time.Instant;

/** One command on one instance. All fields are guarded by the registry lock. */
public final class Invocation {
  public final CommandRecord command;
  public final Instance instance;
  public final Instant visibleAt;
  public String status = "Pending";
  public String details = "Pending";
  public int responseCode = -1;
  public Instant startedAt;
  public Instant endedAt;
  public String stdout = "";
  public String stderr = "";
  public String stdoutUrl = "";
  public String stderrUrl = "";
  public RunningScript running;
  public boolean cancelRequested;

  /** A Pending invocation of {@code command} on {@code instance}, listed from {@code visibleAt}. */
  public Invocation(CommandRecord command, Instance instance, Instant visibleAt) {
    this.command = command;
    this.instance = instance;
    this.visibleAt = visibleAt;
  }

  /** True once the status is final (not Pending, InProgress or Cancelling). */
  public boolean terminal() {
    return !status.equals("Pending")
        && !status.equals("InProgress")
        && !status.equals("Cancelling");
  }

  boolean started() {
    return startedAt != null;
  }

  /** Failed and ExecutionTimedOut count against MaxErrors; delivery problems do not. */
  boolean isError() {
    return details.equals("Failed") || details.equals("ExecutionTimedOut");
  }

  /** Sets the final status, details and response code, and forgets the running script. */
  public void finish(String newStatus, String newDetails, int code, Instant at) {
    status = newStatus;
    details = newDetails;
    responseCode = code;
    endedAt = at;
    running = null;
  }

  /** The plugin's status: like the invocation's, but without the transitional Cancelling. */
  public String pluginStatus() {
    return status.equals("Cancelling") ? "InProgress" : status;
  }
}
