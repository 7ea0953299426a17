package dev.ssmrun.emulator.internal;

import java.time.Instant;

/** One command on one instance. All fields are guarded by the registry lock. */
final class Invocation {
  final CommandRecord command;
  final Instance instance;
  final Instant visibleAt;
  String status = "Pending";
  String details = "Pending";
  int responseCode = -1;
  Instant startedAt;
  Instant endedAt;
  String stdout = "";
  String stderr = "";
  String stdoutUrl = "";
  String stderrUrl = "";
  RunningScript running;
  boolean cancelRequested;

  Invocation(CommandRecord command, Instance instance, Instant visibleAt) {
    this.command = command;
    this.instance = instance;
    this.visibleAt = visibleAt;
  }

  boolean terminal() {
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

  void finish(String newStatus, String newDetails, int code, Instant at) {
    status = newStatus;
    details = newDetails;
    responseCode = code;
    endedAt = at;
    running = null;
  }

  /** The plugin's status: like the invocation's, but without the transitional Cancelling. */
  String pluginStatus() {
    return status.equals("Cancelling") ? "InProgress" : status;
  }
}
