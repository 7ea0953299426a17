package dev.ssmrun.cli.print;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.Progress;
import dev.ssmrun.ScriptResult;
import dev.ssmrun.cli.CliError;
import dev.ssmrun.cli.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of {@code -o json} and {@code -o jsonl}, in one place so that every command
 * writes the same fields. Outcomes are lower-case words: {@code success}, {@code failed}, {@code
 * timed_out}, {@code not_delivered}, {@code cancelled}, {@code cancelled_by_client}.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads one JSON value and refuses anything after it. */
  private static final ObjectReader WHOLE_DOCUMENT =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** An object whose first field is {@code "type": type}, as every JSON Lines object has. */
  static ObjectNode typed(String type) {
    ObjectNode node = object();
    node.put("type", type);
    return node;
  }

  /** One line, no newline. */
  static String line(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented, no trailing newline. */
  public static String document(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode invocation(InvocationResult i) {
    ObjectNode node = object();
    node.put("instanceId", i.instanceId());
    node.put("instanceName", i.instanceName());
    node.put("commandId", i.commandId());
    node.put("status", i.status());
    node.put("statusDetails", i.statusDetails());
    node.put("outcome", outcome(i.outcome()));
    node.put("exitCode", i.exitCode());
    node.put("stdout", i.stdout());
    node.put("stderr", i.stderr());
    node.put("stdoutTruncated", i.stdoutTruncated());
    node.put("stderrTruncated", i.stderrTruncated());
    node.put("startTime", text(i.startTime()));
    node.put("endTime", text(i.endTime()));
    node.put("elapsedMillis", i.elapsed().toMillis());
    node.put("stdoutUrl", i.stdoutUrl().orElse(null));
    node.put("stderrUrl", i.stderrUrl().orElse(null));
    result(node, i.result());
    return node;
  }

  /**
   * {@code result}: what the script returned (the file it wrote at {@code $SSMRUN_RESULT}, else
   * its last stdout line), as JSON when it is JSON, else as a string, null if none; {@code
   * resultSource} {@code file} or {@code last_stdout_line}; {@code resultTruncated} when only its
   * start was kept (then {@code result} is that start as a string).
   */
  private static void result(ObjectNode node, Optional<ScriptResult> result) {
    if (result.isEmpty()) {
      node.putNull("result");
      node.putNull("resultSource");
      node.put("resultTruncated", false);
      return;
    }
    ScriptResult r = result.get();
    node.set("result", r.truncated() ? node.textNode(r.text()) : parsed(r, node));
    node.put("resultSource", r.source().name().toLowerCase(Locale.ROOT));
    node.put("resultTruncated", r.truncated());
  }

  /** {@code r} as JSON if all of it is JSON ("3 files" is not), else as a string. */
  private static JsonNode parsed(ScriptResult r, ObjectNode factory) {
    try {
      JsonNode json = WHOLE_DOCUMENT.readTree(r.bytes());
      return json == null || json.isMissingNode() ? factory.textNode(r.text()) : json;
    } catch (IOException notJson) {
      return factory.textNode(r.text());
    }
  }

  /** {@code {"type": "warning", "message": message}}. */
  static ObjectNode warning(String message) {
    ObjectNode node = typed("warning");
    node.put("message", message);
    return node;
  }

  /** A chunk of live output: {@code commandId}, {@code instanceId}, {@code stream}, {@code text}. */
  static ObjectNode output(OutputChunk chunk) {
    ObjectNode node = object();
    node.put("commandId", chunk.commandId());
    node.put("instanceId", chunk.instanceId());
    node.put("stream", chunk.stream().name().toLowerCase(Locale.ROOT));
    node.put("text", chunk.text());
    return node;
  }

  /**
   * Commands as they stand: ids, instances known, whether every one finished, and the counts
   * ({@code pending} and {@code running} besides the outcomes).
   */
  static ObjectNode progress(Progress progress) {
    ObjectNode node = object();
    commandIds(node, progress.commandIds());
    node.put("instances", progress.total());
    node.put("finished", progress.total() > 0 && progress.runningCount() == 0);
    ObjectNode counts = node.putObject("counts");
    long pending = Counts.pending(progress);
    counts.put("pending", pending);
    counts.put("running", progress.runningCount() - pending);
    counts(counts, progress.countsByOutcome());
    return node;
  }

  /** The run's verdict: everything but the invocations. */
  static ObjectNode summary(RunSummary summary) {
    CommandResult result = summary.result();
    ObjectNode node = object();
    commandIds(node, result.commandIds());
    node.put("exitCode", summary.exitCode());
    node.put("successful", summary.exitCode() == ExitCodes.OK);
    node.put("policySatisfied", result.policySatisfied());
    node.put("policy", summary.policy());
    node.put("deadlineExceeded", result.deadlineExceeded());
    node.put("cancelledByClient", result.cancelledByClient());
    node.put("interrupted", summary.interrupted());
    node.put("instances", result.invocations().size());
    counts(node.putObject("counts"), result.countsByOutcome());
    node.put("elapsedMillis", summary.elapsed().toMillis());
    result.warnings().forEach(node.putArray("warnings")::add);
    return node;
  }

  public static ObjectNode error(CliError error) {
    ObjectNode node = object();
    node.put("error", error.code());
    node.put("message", error.message());
    node.put("exitCode", error.exitCode());
    return node;
  }

  public static void commandIds(ObjectNode node, List<String> ids) {
    ids.forEach(node.putArray("commandIds")::add);
  }

  public static String outcome(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }

  private static void counts(ObjectNode node, Map<Outcome, Integer> counts) {
    counts.forEach(
        (outcome, n) -> {
          if (outcome != Outcome.UNFINISHED) {
            node.put(outcome(outcome), n);
          }
        });
  }

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
