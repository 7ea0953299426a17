package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ResultPrinter printer =
      new ResultPrinter(new PrintWriter(out, true), new PrintWriter(err, true));

  private static InvocationResult invocation(String id, int code, String stdout, String stderr) {
    return InvocationResult.builder()
        .commandId("00000000-0000-0000-0000-000000000000")
        .instanceId(id)
        .status(code == 0 ? "Success" : "Failed")
        .statusDetails(code == 0 ? "Success" : "Failed")
        .exitCode(code)
        .stdout(stdout)
        .stderr(stderr)
        .outcome(code == 0 ? Outcome.SUCCESS : Outcome.FAILED)
        .build();
  }

  private static CommandResult result(InvocationResult... invocations) {
    return CommandResult.builder()
        .commandIds(List.of("00000000-0000-0000-0000-000000000000"))
        .invocations(List.of(invocations))
        .failurePolicy(FailurePolicy.none())
        .build();
  }

  @Test
  void print_prefixesEveryLine_stdoutAndStderrApart_noTrailingNewlineAdded() {
    printer.print(result(invocation("i-a", 0, "one\ntwo", "warn\n"), invocation("i-b", 0, "x\n", "")));

    assertThat(out.toString()).isEqualTo("i-a: one\ni-a: two\ni-b: x\n");
    assertThat(err.toString()).isEqualTo("i-a: warn\n");
  }

  @Test
  void print_failures_reportsEachFailureAndCountsByOutcome() {
    printer.print(result(invocation("i-a", 0, "", ""), invocation("i-b", 4, "", "boom\n")));

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "i-b: boom\nssmrun: i-b: Failed, exit code 4\nssmrun: 2 instances: 1 success, 1 failed\n");
  }

  @Test
  void print_blankLinesInOutput_areKept() {
    printer.print(result(invocation("i-a", 0, "a\n\nb\n", "")));

    assertThat(out.toString()).isEqualTo("i-a: a\ni-a: \ni-a: b\n");
  }
}
