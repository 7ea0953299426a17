package dev.ssmrun.cli.print;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.InvocationResult;

/** {@code -o json}: one document on standard output once the run is over. */
final class JsonRunPrinter implements RunPrinter {
  private final CliOutput output;

  JsonRunPrinter(CliOutput output) {
    this.output = output;
  }

  @Override
  public void invocation(InvocationResult invocation) {}

  @Override
  public void finished(RunSummary summary) {
    ObjectNode root = Json.summary(summary);
    ArrayNode invocations = root.putArray("invocations");
    summary.result().invocations().forEach(i -> invocations.add(Json.invocation(i)));
    output.out(Json.document(root) + "\n");
  }
}
