package dev.ssmrun.cli.print;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputChunk;

/**
 * {@code -q}: only the instances' own output, unchanged: for one instance, its exact bytes. When
 * followed, each chunk is printed as it arrives (stdout to standard output, stderr to standard
 * error) and nothing more when the instance ends.
 */
final class QuietRunPrinter implements RunPrinter {
  private final CliOutput output;
  private final boolean follow;

  QuietRunPrinter(CliOutput output, boolean follow) {
    this.output = output;
    this.follow = follow;
  }

  @Override
  public void output(OutputChunk chunk) {
    if (chunk.stream() == OutputChunk.Stream.STDOUT) {
      output.out(chunk.text());
    } else {
      output.err(chunk.text());
    }
  }

  @Override
  public void invocation(InvocationResult invocation) {
    if (!follow) {
      output.out(invocation.stdoutBytes());
      output.err(invocation.stderrBytes());
    }
  }

  @Override
  public void finished(RunSummary summary) {}
}
