package dev.ssmrun.cli;

import dev.ssmrun.InvocationResult;

/** {@code -q}: only the instances' own output, unchanged: for one instance, its exact bytes. */
final class QuietRunPrinter implements RunPrinter {
  private final CliOutput output;

  QuietRunPrinter(CliOutput output) {
    this.output = output;
  }

  @Override
  public void invocation(InvocationResult invocation) {
    output.out(invocation.stdout());
    output.err(invocation.stderr());
  }

  @Override
  public void finished(RunSummary summary) {}
}
