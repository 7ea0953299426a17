package dev.ssmrun.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.InvocationResult;
import java.util.List;

/**
 * {@code -o jsonl}: on standard output, one object per line and nothing else: {@code
 * {"type":"sent",...}} once the commands are sent, {@code {"type":"invocation",...}} per instance
 * as it finishes, {@code {"type":"warning","message":...}} when the engine warns, then {@code
 * {"type":"summary",...}}.
 */
final class JsonLinesRunPrinter implements RunPrinter {
  private final CliOutput output;

  JsonLinesRunPrinter(CliOutput output) {
    this.output = output;
  }

  @Override
  public void sent(List<String> commandIds) {
    ObjectNode node = typed("sent");
    Json.commandIds(node, commandIds);
    print(node);
  }

  @Override
  public void invocation(InvocationResult invocation) {
    print(typed("invocation").setAll(Json.invocation(invocation)));
  }

  @Override
  public void warning(String warning) {
    ObjectNode node = typed("warning");
    node.put("message", warning);
    print(node);
  }

  @Override
  public void finished(RunSummary summary) {
    print(typed("summary").setAll(Json.summary(summary)));
  }

  private static ObjectNode typed(String type) {
    ObjectNode node = Json.object();
    node.put("type", type);
    return node;
  }

  private void print(ObjectNode node) {
    output.out(Json.line(node) + "\n");
  }
}
