package dev.ssmrun.cli;

import static dev.ssmrun.cli.TestResults.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ResultPrinter printer =
      new ResultPrinter(new PrintWriter(out, true), new PrintWriter(err, true));

  private void print(InvocationResult... invocations) {
    printer.print(TestResults.result(FailurePolicy.none(), invocations));
  }

  @Test
  void print_prefixesEveryLine_stdoutAndStderrApart_noTrailingNewlineAdded() {
    print(invocation("i-a", 0, "one\ntwo", "warn\n"), invocation("i-b", 0, "x\n", ""));

    assertThat(out.toString()).isEqualTo("i-a: one\ni-a: two\ni-b: x\n");
    assertThat(err.toString()).isEqualTo("i-a: warn\n");
  }

  @Test
  void print_failures_reportsEachFailureAndCountsByOutcome() {
    print(invocation("i-a", 0, "", ""), invocation("i-b", 4, "", "boom\n"));

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "i-b: boom\n"
                + "ssmrun: i-b: Failed, exit code 4\n"
                + "ssmrun: 2 instances: 1 success, 1 failed\n");
  }

  @Test
  void print_blankLinesInOutput_areKept() {
    print(invocation("i-a", 0, "a\n\nb\n", ""));

    assertThat(out.toString()).isEqualTo("i-a: a\ni-a: \ni-a: b\n");
  }
}
