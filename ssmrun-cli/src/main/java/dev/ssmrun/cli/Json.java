package dev.ssmrun.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
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
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
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
  static String document(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode invocation(InvocationResult i) {
    ObjectNode node = object();
    node.put("instanceId", i.instanceId());
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

  static ObjectNode error(CliError error) {
    ObjectNode node = object();
    node.put("error", error.code());
    node.put("message", error.message());
    node.put("exitCode", error.exitCode());
    return node;
  }

  static void commandIds(ObjectNode node, List<String> ids) {
    ids.forEach(node.putArray("commandIds")::add);
  }

  static String outcome(Outcome outcome) {
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
