package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * MaxConcurrency ramp-up as the service does it: one invocation, then 2 more, then doubling up to
 * MaxConcurrency. Proved from the execution start and end times the service reports.
 */
class RampUpIT {
  @Test
  void rampUp_oneThenTwoThenDoubling_neverAboveTheAllowance() {
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(7).rampUp(true).visibilityDelay(Duration.ZERO).start();
        SsmClient ssm = emu.newSsmClient()) {
      String commandId = Poll.send(ssm, emu.instanceIds(), "sleep 0.2");
      List<Instant[]> spans = spans(ssm, commandId, emu.instanceIds());

      Instant firstEnd = spans.get(0)[1];
      assertThat(spans.subList(1, spans.size())).allMatch(s -> !s[0].isBefore(firstEnd));
      int most = 0;
      for (Instant[] span : spans) {
        Instant t = span[0];
        int running = (int) spans.stream().filter(s -> !s[0].isAfter(t) && s[1].isAfter(t)).count();
        long done = spans.stream().filter(s -> !s[1].isAfter(t)).count();
        assertThat(running)
            .as("running at %s after %d ended", t, done)
            .isLessThanOrEqualTo(1 << done);
        most = Math.max(most, running);
      }
      assertThat(most).as("the allowance grew").isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void rampUp_maxConcurrencyStillCaps() {
    try (SsmEmulator emu =
            SsmEmulator.builder().instances(5).rampUp(true).visibilityDelay(Duration.ZERO).start();
        SsmClient ssm = emu.newSsmClient()) {
      String commandId =
          ssm.sendCommand(Poll.shell(emu.instanceIds(), "sleep 0.1").maxConcurrency("2").build())
              .command()
              .commandId();
      List<Instant[]> spans = spans(ssm, commandId, emu.instanceIds());

      for (Instant[] span : spans) {
        Instant t = span[0];
        assertThat(spans.stream().filter(s -> !s[0].isAfter(t) && s[1].isAfter(t)).count())
            .isLessThanOrEqualTo(2);
      }
      assertThat(emu.state().invocations()).containsEntry("Success", 5);
    }
  }

  /** Each invocation's [start, end], by start, once all succeeded. */
  private static List<Instant[]> spans(SsmClient ssm, String commandId, List<String> ids) {
    List<Instant[]> spans = new ArrayList<>();
    for (String id : ids) {
      GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
      assertThat(inv.statusAsString()).isEqualTo("Success");
      spans.add(
          new Instant[] {
            Instant.parse(inv.executionStartDateTime()), Instant.parse(inv.executionEndDateTime())
          });
    }
    spans.sort(Comparator.comparing(s -> s[0]));
    return spans;
  }
}
