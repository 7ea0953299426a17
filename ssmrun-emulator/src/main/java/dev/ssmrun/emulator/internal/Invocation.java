package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.internal.agent.RunningScript;
import java.time.Instant;

/** One command on one instance. Its state is read and changed only under {@code Engine.lock}. */
public final class Invocation {
  public final CommandRecord command;
  public final Instance instance;
  public final Instant visibleAt;
  private String status = "Pending";
  private String details = "Pending";
  private int responseCode = -1;
  private Instant startedAt;
  private Instant endedAt;
  private String stdout = "";
  private String stderr = "";
  private String stdoutUrl = "";
  private String stderrUrl = "";
  private RunningScript running;
  private boolean cancelRequested;

  /** A Pending invocation of {@code command} on {@code instance}, listed from {@code visibleAt}. */
  public Invocation(CommandRecord command, Instance instance, Instant visibleAt) {
    this.command = command;
    this.instance = instance;
    this.visibleAt = visibleAt;
  }

  public String status() {
    return status;
  }

  public String details() {
    return details;
  }

  public int responseCode() {
    return responseCode;
  }

  /** When the agent got it; null while Pending. */
  public Instant startedAt() {
    return startedAt;
  }

  /** When it reached a final status; null before. */
  public Instant endedAt() {
    return endedAt;
  }

  /** The inline StandardOutputContent (already truncated). */
  public String stdout() {
    return stdout;
  }

  /** The inline StandardErrorContent (already truncated). */
  public String stderr() {
    return stderr;
  }

  public String stdoutUrl() {
    return stdoutUrl;
  }

  public String stderrUrl() {
    return stderrUrl;
  }

  /** The script the agent runs for it right now, if any. */
  public RunningScript running() {
    return running;
  }

  /** The agent spawned {@code script} for it (null: nothing runs any more). */
  public void running(RunningScript script) {
    running = script;
  }

  /** True once CancelCommand asked for it. */
  public boolean cancelRequested() {
    return cancelRequested;
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

  /** Handed to the agent at {@code at}: InProgress. */
  void start(Instant at) {
    status = "InProgress";
    details = "InProgress";
    startedAt = at;
  }

  /** CancelCommand: Cancelling until the agent or the service ends it. */
  void cancelling() {
    cancelRequested = true;
    status = "Cancelling";
    details = "Cancelling";
  }

  /** The agent's inline output and the S3 URLs of the full output. */
  public void output(String out, String err, String outUrl, String errUrl) {
    stdout = out;
    stderr = err;
    stdoutUrl = outUrl;
    stderrUrl = errUrl;
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
