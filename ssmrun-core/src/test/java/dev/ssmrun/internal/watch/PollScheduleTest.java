package dev.ssmrun.internal.watch;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.internal.watch.PollSchedule.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
  private final PollSchedule schedule = new PollSchedule(ofMillis(100), ofSeconds(3), 1.5, 0.1);

  @Test
  void next_noChange_growsUntilTheCap() {
    List<Duration> delays = new ArrayList<>();
    Duration d = schedule.initial();
    for (int i = 0; i < 12; i++) {
      delays.add(d);
      d = schedule.next(d, Signal.NO_CHANGE);
    }
    assertThat(delays).startsWith(ofMillis(100), ofMillis(150), ofMillis(225));
    assertThat(delays).endsWith(ofSeconds(3), ofSeconds(3));
  }

  @Test
  void next_progress_halvesButNotBelowInitial() {
    assertThat(schedule.next(ofSeconds(2), Signal.PROGRESS)).isEqualTo(ofSeconds(1));
    assertThat(schedule.next(ofMillis(150), Signal.PROGRESS)).isEqualTo(ofMillis(100));
  }

  @Test
  void next_progressWithFloor_halvesDownToTheFloorOnly() {
    assertThat(schedule.next(ofSeconds(2), Signal.PROGRESS, ofMillis(500))).isEqualTo(ofSeconds(1));
    assertThat(schedule.next(ofMillis(800), Signal.PROGRESS, ofMillis(500)))
        .isEqualTo(ofMillis(500));
    assertThat(schedule.next(ofMillis(200), Signal.PROGRESS, ofMillis(500)))
        .isEqualTo(ofMillis(500));
    assertThat(schedule.next(ofMillis(200), Signal.NO_CHANGE, ofMillis(500)))
        .isEqualTo(ofMillis(300));
  }

  @Test
  void resumed_isWhereGrowingFromInitialWouldBeAfterThatWait() {
    assertThat(schedule.resumed(Duration.ZERO)).isEqualTo(ofMillis(100));
    // 100 + 150 + 225 = 475 ms of waiting brings the next delay to 337.5 ms.
    assertThat(schedule.resumed(ofMillis(475))).isEqualTo(Duration.ofNanos(337_500_000));
    assertThat(schedule.resumed(Duration.ofMinutes(10))).isEqualTo(ofSeconds(3));
  }

  @Test
  void next_throttled_doublesUpToTheCap() {
    assertThat(schedule.next(ofMillis(400), Signal.THROTTLED)).isEqualTo(ofMillis(800));
    assertThat(schedule.next(ofSeconds(2), Signal.THROTTLED)).isEqualTo(ofSeconds(3));
    assertThat(schedule.next(ofMillis(400), Signal.THROTTLED_PROGRESS)).isEqualTo(ofMillis(400));
  }

  @Test
  void jittered_staysWithinTenPercent() {
    assertThat(schedule.jittered(ofSeconds(1), 0.0)).isEqualTo(ofMillis(900));
    assertThat(schedule.jittered(ofSeconds(1), 0.5)).isEqualTo(ofSeconds(1));
    assertThat(schedule.jittered(ofSeconds(1), 0.999)).isLessThan(ofMillis(1100));
  }

  @Test
  void constructor_maxBelowInitial_throws() {
    assertThatThrownBy(() -> new PollSchedule(ofSeconds(2), ofSeconds(1), 1.2, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial <= max");
  }
}
