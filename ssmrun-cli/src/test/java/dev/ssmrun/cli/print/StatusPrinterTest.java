package dev.ssmrun.cli.print;

import static dev.ssmrun.cli.TestResults.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import dev.ssmrun.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusPrinterTest {
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CliOutput output(boolean terminal) {
    Style style = Style.of(terminal, false, Map.of());
    return new CliOutput(
        new PrintWriter(out, true), new PrintWriter(err, true), false, style, style);
  }

  private static InvocationResult finished(String id, int code, long millis) {
    return invocation(id, code).toBuilder()
        .instanceName("web-" + id)
        .startTime(START)
        .endTime(START.plusMillis(millis))
        .build();
  }

  private static InvocationResult running(String id) {
    return invocation(id, -1).toBuilder()
        .status("InProgress")
        .statusDetails("InProgress")
        .startTime(START)
        .outcome(Outcome.UNFINISHED)
        .build();
  }

  @Test
  void text_alignedRows_runningTimedUpToNow_countsOnStderr() {
    Progress progress =
        Progress.of(List.of("c"), List.of(finished("i-a", 0, 400), running("i-bb")), false);

    StatusPrinter.print(OutputFormat.TEXT, progress, START.plusSeconds(12), output(false));

    assertThat(out.toString())
        .isEqualTo(
            "INSTANCE ID  NAME     STATUS      DETAILS     EXIT  ELAPSED\n"
                + "i-a          web-i-a  Success     Success     0     0.4s\n"
                + "i-bb         -        InProgress  InProgress  -     12s\n");
    assertThat(err.toString()).isEqualTo("ssmrun: 2 instances: 1 running, 1 succeeded\n");
  }

  @Test
  void text_colours_doNotShiftTheColumns() {
    Progress progress = Progress.of(List.of("c"), List.of(finished("i-a", 3, 1000)), false);

    StatusPrinter.print(OutputFormat.TEXT, progress, START, output(true));

    assertThat(out.toString().lines().skip(1))
        .containsExactly("i-a          web-i-a  \033[31mFailed  \033[0mFailed   3     1.0s");
  }

  @Test
  void text_nothingListedYet_saysSo() {
    StatusPrinter.print(
        OutputFormat.TEXT, Progress.of(List.of("c"), List.of(), false), START, output(false));

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("ssmrun: SSM lists no invocation of c yet\n");
  }
}
