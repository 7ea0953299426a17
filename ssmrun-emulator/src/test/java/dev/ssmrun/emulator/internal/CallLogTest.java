package dev.ssmrun.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.internal.StateSnapshot.Call;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLogTest {
  @Test
  void add_beyondTheBound_countsEveryCallKeepsTheLatest() {
    CallLog log = new CallLog();
    for (int i = 0; i < CallLog.RETAINED + 5; i++) {
      log.add(call(i));
    }

    assertThat(log.counts().get("ListCommands").get("ok")).isEqualTo(CallLog.RETAINED + 5);
    List<Call> kept = log.recent();
    assertThat(kept).hasSize(CallLog.RETAINED);
    assertThat(kept.get(0).body()).isEqualTo("{\"n\":5}");
    assertThat(kept.get(kept.size() - 1).body())
        .isEqualTo("{\"n\":" + (CallLog.RETAINED + 4) + "}");
  }

  @Test
  void counts_perOperationAndOutcome_unmodifiableCopies() {
    CallLog log = new CallLog(2);
    log.add(new Call("SendCommand", "ok", "{}", Instant.EPOCH));
    log.add(new Call("SendCommand", "ThrottlingException", "{}", Instant.EPOCH));
    log.add(new Call("SendCommand", "ok", "{}", Instant.EPOCH));

    assertThat(log.counts().get("SendCommand"))
        .containsEntry("ok", 2)
        .containsEntry("ThrottlingException", 1);
    assertThat(log.recent()).hasSize(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> log.counts().get("SendCommand").put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Call call(int n) {
    return new Call("ListCommands", "ok", "{\"n\":" + n + "}", Instant.EPOCH);
  }
}
