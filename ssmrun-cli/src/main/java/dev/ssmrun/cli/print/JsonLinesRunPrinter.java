package dev.ssmrun.cli.print;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputChunk;
import java.util.List;

/**
 * {@code -o jsonl}: on standard output, one object per line and nothing else: {@code
 * {"type":"sent",...}} once the commands are sent, {@code {"type":"output",...}} for each chunk of
 * live output when it is followed, {@code {"type":"invocation",...}} per instance as it finishes
 * (with its whole stdout and stderr, which its output chunks, if any, concatenate to), {@code {"type":"warning","message":...}} when the engine warns, then {@code
 * {"type":"summary",...}}.
 */
final class JsonLinesRunPrinter implements RunPrinter {
  private final CliOutput output;

  JsonLinesRunPrinter(CliOutput output) {
    this.output = output;
  }

  @Override
  public void sent(List<String> commandIds) {
    ObjectNode node = Json.typed("sent");
    Json.commandIds(node, commandIds);
    print(node);
  }

  @Override
  public void output(OutputChunk chunk) {
    print(Json.typed("output").setAll(Json.output(chunk)));
  }

  @Override
  public void invocation(InvocationResult invocation) {
    print(Json.typed("invocation").setAll(Json.invocation(invocation)));
  }

  @Override
  public void warning(String warning) {
    print(Json.warning(warning));
  }

  @Override
  public void finished(RunSummary summary) {
    print(Json.typed("summary").setAll(Json.summary(summary)));
  }

  private void print(ObjectNode node) {
    output.out(Json.line(node) + "\n");
  }
}
