package dev.ssmrun.cli.print;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Prints {@code ssmrun output}: one stream of the chosen instances, whether it comes whole (a look
 * at the command) or as chunks while following it. Text: for one instance its exact bytes, for
 * several every line prefixed by {@code ID: }; notes on standard error. {@code -o jsonl}: one
 * {@code {"type":"output"}} per instance (per chunk when following) and {@code {"type":"warning"}}
 * for notes. {@code -o json}: one document at the end, {@code {"commandId", "stream", "outputs":
 * [{"instanceId", "text", "truncated"}], "warnings"}}.
 */
public final class OutputPrinter implements RunPrinter {
  private final OutputFormat format;
  private final OutputChunk.Stream stream;
  private final Predicate<String> instances;
  private final boolean raw;
  private final String commandId;
  private final CliOutput output;
  private final Map<String, StringBuilder> texts = new LinkedHashMap<>();
  private final Map<String, Boolean> truncated = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  /**
   * Prints {@code stream} of the {@code instances} chosen of {@code commandId}; {@code raw} (one
   * instance) prints text unprefixed.
   */
  public OutputPrinter(
      OutputFormat format,
      OutputChunk.Stream stream,
      Predicate<String> instances,
      boolean raw,
      String commandId,
      CliOutput output) {
    this.format = format;
    this.stream = stream;
    this.instances = instances;
    this.raw = raw;
    this.commandId = commandId;
    this.output = output;
  }

  /** {@code i}'s whole output, as a look at the command found it: then it ended. */
  public void whole(InvocationResult i) {
    boolean stdout = stream == OutputChunk.Stream.STDOUT;
    if (format == OutputFormat.TEXT && instances.test(i.instanceId())) {
      byte[] bytes = stdout ? i.stdoutBytes() : i.stderrBytes();
      output.out(
          raw
              ? bytes
              : TextRunPrinter.prefixed(output.outStyle().dim(i.instanceId() + ":"), bytes));
    } else {
      String text = stdout ? i.stdout() : i.stderr();
      output(new OutputChunk(i.commandId(), i.instanceId(), stream, text));
    }
    invocation(i);
  }

  @Override
  public void output(OutputChunk chunk) {
    if (chunk.stream() != stream || !instances.test(chunk.instanceId())) {
      return;
    }
    texts.computeIfAbsent(chunk.instanceId(), id -> new StringBuilder()).append(chunk.text());
    switch (format) {
      case TEXT ->
          output.out(
              raw
                  ? chunk.text()
                  : TextRunPrinter.prefixed(
                      output.outStyle().dim(chunk.instanceId() + ":"), chunk.text()));
      case JSONL -> output.out(Json.line(Json.typed("output").setAll(Json.output(chunk))) + "\n");
      case JSON -> {}
    }
  }

  @Override
  public void invocation(InvocationResult i) {
    if (!instances.test(i.instanceId())) {
      return;
    }
    texts.computeIfAbsent(i.instanceId(), id -> new StringBuilder());
    boolean cut = stream == OutputChunk.Stream.STDOUT ? i.stdoutTruncated() : i.stderrTruncated();
    truncated.put(i.instanceId(), cut);
    if (cut) {
      note(i.instanceId() + ": " + truncation(i));
    }
  }

  private String truncation(InvocationResult i) {
    boolean stdout = stream == OutputChunk.Stream.STDOUT;
    String name = stream.name().toLowerCase(Locale.ROOT);
    if ((stdout ? i.stdoutUrl() : i.stderrUrl()).isPresent()) {
      return name
          + " was truncated by SSM and its whole copy in the output bucket could not be read"
          + " (run again with --debug to see why)";
    }
    return "SSM kept only the first "
        + (stdout ? "24,000" : "8,000")
        + " characters of "
        + name
        + " and the command had no output bucket, so the rest was not stored (send it with"
        + " --output-s3-bucket to keep all of it)";
  }

  /** An engine warning (e.g. no live output): {@code ssmrun: warning: ...} on standard error. */
  @Override
  public void warning(String warning) {
    note("warning: " + warning, warning);
  }

  /** Something the reader of the output should know: {@code ssmrun: ...} on standard error. */
  public void note(String note) {
    note(note, note);
  }

  private void note(String text, String message) {
    warnings.add(message);
    switch (format) {
      case TEXT -> output.errLine("ssmrun: " + text);
      case JSONL -> output.out(Json.line(Json.warning(message)) + "\n");
      case JSON -> {}
    }
  }

  @Override
  public void finished(RunSummary summary) {
    done();
  }

  /** Everything was printed: {@code -o json} prints its document now. */
  public void done() {
    if (format != OutputFormat.JSON) {
      return;
    }
    ObjectNode root = Json.object();
    root.put("commandId", commandId);
    root.put("stream", stream.name().toLowerCase(Locale.ROOT));
    ArrayNode outputs = root.putArray("outputs");
    texts.forEach(
        (id, text) -> {
          ObjectNode node = outputs.addObject();
          node.put("instanceId", id);
          node.put("text", text.toString());
          node.put("truncated", truncated.getOrDefault(id, false));
        });
    warnings.forEach(root.putArray("warnings")::add);
    output.out(Json.document(root) + "\n");
  }
}
