package dev.ssmrun.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/** Prints a whole result as one JSON document on standard output, for scripts and {@code jq}. */
final class JsonResultPrinter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;

  JsonResultPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(CommandResult result) {
    try {
      out.println(MAPPER.writeValueAsString(toJson(result)));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode toJson(CommandResult result) {
    ObjectNode root = MAPPER.createObjectNode();
    root.putPOJO("commandIds", result.commandIds());
    root.put("successful", result.isSuccessful());
    root.put("policySatisfied", result.policySatisfied());
    root.put("deadlineExceeded", result.deadlineExceeded());
    root.put("cancelledByClient", result.cancelledByClient());
    ObjectNode counts = root.putObject("counts");
    result.countsByOutcome().forEach((outcome, n) -> counts.put(outcome.name(), n));
    ArrayNode invocations = root.putArray("invocations");
    result.invocations().forEach(i -> invocations.add(toJson(i)));
    return root;
  }

  private static ObjectNode toJson(InvocationResult i) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("instanceId", i.instanceId());
    node.put("commandId", i.commandId());
    node.put("status", i.status());
    node.put("statusDetails", i.statusDetails());
    node.put("outcome", i.outcome().name());
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

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
