package dev.ssmrun.internal.watch;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.CommandPlugin;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/** Builds {@link InvocationResult}s from what SSM returned. Pure. */
final class Results {
  static final String TRUNCATED_SUFFIX = "--output truncated--";
  static final int MAX_STDOUT = 24_000;
  static final int MAX_STDERR = 8_000;
  private static final String ERROR_TITLE = "\n----------ERROR-------\n";
  private static final String OUTPUT_CUT = "\n---Output truncated---";
  private static final String ERROR_CUT = "\n---Error truncated----";

  private Results() {}

  /**
   * The result from a listing alone, when its plugin {@code Output} (2,500 characters of stdout,
   * then stderr after an ERROR title) provably holds all of stdout and no stderr; else empty, and
   * the caller must ask GetCommandInvocation.
   */
  static Optional<InvocationResult> fromListing(CommandInvocation inv, boolean cancelledByUs) {
    CommandPlugin plugin = plugin(inv);
    if (plugin == null || plugin.output() == null) {
      return Optional.empty();
    }
    String output = plugin.output();
    if (output.contains(ERROR_TITLE) || output.contains(OUTPUT_CUT) || output.contains(ERROR_CUT)) {
      return Optional.empty();
    }
    return Optional.of(base(inv, cancelledByUs).stdout(output).build());
  }

  /** The result from a listing plus the invocation's GetCommandInvocation answer. */
  static InvocationResult fromGet(
      CommandInvocation inv, GetCommandInvocationResponse get, boolean cancelledByUs) {
    String stdout = nullToEmpty(get.standardOutputContent());
    String stderr = nullToEmpty(get.standardErrorContent());
    InvocationResult.Builder b =
        base(inv, cancelledByUs)
            .stdout(stdout)
            .stderr(stderr)
            .stdoutTruncated(isCut(stdout, MAX_STDOUT))
            .stderrTruncated(isCut(stderr, MAX_STDERR))
            .stdoutUrl(get.standardOutputUrl())
            .stderrUrl(get.standardErrorUrl());
    if (get.responseCode() != null) {
      b.exitCode(get.responseCode());
    }
    parseTime(get.executionStartDateTime()).ifPresent(b::startTime);
    parseTime(get.executionEndDateTime()).ifPresent(b::endTime);
    return b.build();
  }

  /** What a listing says of an invocation that has not finished. */
  static InvocationResult running(CommandInvocation inv) {
    return base(inv, false).outcome(Outcome.UNFINISHED).build();
  }

  /** A not yet listed invocation of a command sent to {@code instanceId}. */
  static InvocationResult pending(String commandId, String instanceId) {
    return InvocationResult.builder()
        .commandId(commandId)
        .instanceId(instanceId)
        .status("Pending")
        .statusDetails("Pending")
        .outcome(Outcome.UNFINISHED)
        .build();
  }

  /** {@code last} (an unfinished invocation) ended without a terminal status seen, as {@code o}. */
  static InvocationResult ended(InvocationResult last, String details, Outcome outcome) {
    return last.toBuilder().statusDetails(details).outcome(outcome).build();
  }

  private static InvocationResult.Builder base(CommandInvocation inv, boolean cancelledByUs) {
    String status = inv.statusAsString();
    String details = nullToEmpty(inv.statusDetails());
    InvocationResult.Builder b =
        InvocationResult.builder()
            .commandId(inv.commandId())
            .instanceId(inv.instanceId())
            .instanceName(inv.instanceName())
            .status(status)
            .statusDetails(details)
            .outcome(Outcomes.classify(status, details, cancelledByUs))
            .stdoutUrl(inv.standardOutputUrl())
            .stderrUrl(inv.standardErrorUrl());
    CommandPlugin plugin = plugin(inv);
    if (plugin != null) {
      if (plugin.responseCode() != null) {
        b.exitCode(plugin.responseCode());
      }
      b.startTime(plugin.responseStartDateTime()).endTime(plugin.responseFinishDateTime());
    }
    return b;
  }

  private static CommandPlugin plugin(CommandInvocation inv) {
    return inv.hasCommandPlugins() && !inv.commandPlugins().isEmpty()
        ? inv.commandPlugins().get(0)
        : null;
  }

  private static boolean isCut(String text, int limit) {
    return text.endsWith(TRUNCATED_SUFFIX) || text.length() >= limit;
  }

  private static Optional<Instant> parseTime(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
