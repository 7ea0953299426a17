package dev.ssmrun.cli.print;

import static dev.ssmrun.cli.TestResults.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.Progress;
import dev.ssmrun.cli.TestResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextRunPrinterTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private TextRunPrinter printer(boolean terminal) {
    return printer(terminal, false);
  }

  private TextRunPrinter printer(boolean terminal, boolean follow) {
    Style style = Style.of(terminal, false, Map.of());
    return new TextRunPrinter(
        new CliOutput(
            new PrintWriter(out, true), new PrintWriter(err, true), terminal, style, style),
        follow);
  }

  private static InvocationResult timed(InvocationResult i, long millis) {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    return i.toBuilder().startTime(start).endTime(start.plusMillis(millis)).build();
  }

  @Test
  void invocation_headerOnStderr_thenPrefixedStdoutAndStderr() {
    TextRunPrinter printer = printer(false);

    printer.invocation(timed(invocation("i-a", 0, "one\ntwo", "warn\n"), 420));
    printer.invocation(timed(invocation("i-b", 4, "x\n", "boom\n"), 1500));

    assertThat(out.toString()).isEqualTo("i-a: one\ni-a: two\ni-b: x\n");
    assertThat(err.toString())
        .isEqualTo(
            "ssmrun: i-a Success exit=0 0.4s\n"
                + "i-a: warn\n"
                + "ssmrun: i-b Failed exit=4 1.5s\n"
                + "i-b: boom\n");
  }

  @Test
  void invocation_blankLinesKept_noTrailingNewlineAdded() {
    printer(false).invocation(invocation("i-a", 0, "a\n\nb\n", ""));

    assertThat(out.toString()).isEqualTo("i-a: a\ni-a: \ni-a: b\n");
  }

  @Test
  void invocation_neverRan_saysSo_withDetails() {
    InvocationResult undelivered =
        invocation("i-a", -1).toBuilder()
            .status("TimedOut")
            .statusDetails("DeliveryTimedOut")
            .outcome(Outcome.NOT_DELIVERED)
            .build();

    printer(false).invocation(undelivered);

    assertThat(err.toString()).isEqualTo("ssmrun: i-a TimedOut (DeliveryTimedOut) did not run\n");
  }

  @Test
  void invocation_truncated_saysHowToGetAll() {
    printer(false)
        .invocation(invocation("i-a", 0, "x", "").toBuilder().stdoutTruncated(true).build());

    assertThat(err.toString()).contains("i-a: " + TextRunPrinter.TRUNCATED);
  }

  @Test
  void finished_policyHeld_oneSummaryLineWithCountsPolicyAndExitCode() {
    CommandResult result =
        TestResults.result(
            FailurePolicy.atMost(1),
            invocation("i-a", 0),
            invocation("i-b", 0),
            invocation("i-c", 5));

    printer(false)
        .finished(new RunSummary(result, 0, Duration.ofMillis(2300), false, "--allow-failures 1"));

    assertThat(err.toString())
        .isEqualTo(
            "ssmrun: 3 instances in 2.3s: 2 succeeded, 1 failed; failure policy held"
                + " (--allow-failures 1); exit 0\n");
  }

  @Test
  void finished_policyBroken_saysBroken() {
    CommandResult result = TestResults.result(FailurePolicy.none(), invocation("i-a", 3));

    printer(false)
        .finished(new RunSummary(result, 3, Duration.ofSeconds(12), false, "no failure allowed"));

    assertThat(err.toString())
        .isEqualTo(
            "ssmrun: 1 instance in 12s: 1 failed; failure policy broken (no failure allowed);"
                + " exit 3\n");
  }

  @Test
  void progress_notOnATerminal_printsNothing() {
    printer(false).progress(progress(1, 2), Duration.ofSeconds(3));

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void progress_onATerminal_redrawsOneLineInPlace_andErasesItBeforeOtherText() {
    TextRunPrinter printer = printer(true);

    printer.progress(progress(1, 3), Duration.ofSeconds(3));
    printer.progress(progress(2, 3), Duration.ofSeconds(4));
    printer.invocation(invocation("i-a", 0, "", ""));
    printer.finished(
        new RunSummary(
            TestResults.result(FailurePolicy.none(), invocation("i-a", 0)),
            0,
            Duration.ofSeconds(5),
            false,
            "no failure allowed"));

    String shown = err.toString();
    assertThat(shown)
        .startsWith("ssmrun: 1 pending, 1 running, \033[32m1 succeeded\033[0m (3.0s)")
        .contains("\r\033[Kssmrun: 1 running, \033[32m2 succeeded\033[0m (4.0s)")
        .contains("\r\033[Kssmrun: i-a \033[32mSuccess\033[0m exit=0\n")
        .endsWith("exit 0\n");
    // Erased for good before the summary: no status text after the last erase.
    String afterLastErase = shown.substring(shown.lastIndexOf("\r\033[K") + 4);
    assertThat(afterLastErase).doesNotContain("running").contains("1 instance in 5.0s");
  }

  @Test
  void follow_chunksPrefixedOnTheirStream_thenTheHeaderAlone() {
    TextRunPrinter printer = printer(false, true);

    printer.output(new OutputChunk("c", "i-a", OutputChunk.Stream.STDOUT, "one\ntwo\n"));
    printer.output(new OutputChunk("c", "i-a", OutputChunk.Stream.STDERR, "oops\n"));
    printer.output(new OutputChunk("c", "i-a", OutputChunk.Stream.STDOUT, "end"));
    printer.invocation(timed(invocation("i-a", 0, "one\ntwo\nend", "oops\n"), 300));

    assertThat(out.toString()).isEqualTo("i-a: one\ni-a: two\ni-a: end\n");
    assertThat(err.toString()).isEqualTo("i-a: oops\nssmrun: i-a Success exit=0 0.3s\n");
  }

  @Test
  void follow_onATerminal_statusLineErasedBeforeEachChunkAndDrawnAgainAfter() {
    TextRunPrinter printer = printer(true, true);

    printer.progress(progress(0, 1), Duration.ofSeconds(1));
    printer.output(new OutputChunk("c", "i-a", OutputChunk.Stream.STDOUT, "line\n"));

    assertThat(out.toString()).isEqualTo("\033[2mi-a:\033[0m line\n");
    assertThat(err.toString())
        .isEqualTo("ssmrun: 1 running (1.0s)\r\033[Kssmrun: 1 running (1.0s)");
  }

  /** {@code succeeded} done, one running, the rest pending. */
  private static Progress progress(int succeeded, int total) {
    List<InvocationResult> invocations = new java.util.ArrayList<>();
    for (int n = 0; n < total; n++) {
      InvocationResult i = invocation("i-" + n, 0);
      if (n >= succeeded) {
        String status = n == succeeded ? "InProgress" : "Pending";
        i =
            i.toBuilder()
                .status(status)
                .statusDetails(status)
                .exitCode(-1)
                .outcome(Outcome.UNFINISHED)
                .build();
      }
      invocations.add(i);
    }
    return Progress.of(List.of("c"), invocations, false);
  }
}
