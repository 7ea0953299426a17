package dev.ssmrun.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.emulator.FaultSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
  @Test
  void parse_globalAndPerOperation_operationOverridesGlobal() {
    FaultSpec spec = FaultSpec.parse("throttle=0.2, SendCommand:throttle=0.5,lose=0.1,seed=7");

    assertThat(spec.probability(FaultSpec.Kind.THROTTLE, "SendCommand")).isEqualTo(0.5);
    assertThat(spec.probability(FaultSpec.Kind.THROTTLE, "ListCommands")).isEqualTo(0.2);
    assertThat(spec.probability(FaultSpec.Kind.LOSE, "ListCommands")).isEqualTo(0.1);
    assertThat(spec.seed()).contains(7L);
    assertThat(spec.toString()).isEqualTo("throttle=0.2,SendCommand:throttle=0.5,lose=0.1,seed=7");
  }

  @Test
  void parse_latencyAndRate_parsed() {
    FaultSpec spec = FaultSpec.parse("latency=50ms,GetCommandInvocation:latency=2s,rate=10");

    assertThat(spec.latency("SendCommand")).isEqualTo(Duration.ofMillis(50));
    assertThat(spec.latency("GetCommandInvocation")).isEqualTo(Duration.ofSeconds(2));
    assertThat(spec.rate("ListCommands")).hasValue(10.0);
  }

  @Test
  void parse_blank_noFaults() {
    assertThat(FaultSpec.parse(" ").isEmpty()).isTrue();
  }

  @Test
  void parse_probabilityAboveOne_saysWhatIsAllowed() {
    assertThatThrownBy(() -> FaultSpec.parse("throttle=1.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'throttle=1.5'")
        .hasMessageContaining("between 0 and 1")
        .hasMessageContaining("allowed: throttle=P");
  }

  @Test
  void parse_unknownKey_rejected() {
    assertThatThrownBy(() -> FaultSpec.parse("explode=1"))
        .hasMessageContaining("unknown key 'explode'");
  }

  @Test
  void parse_unknownOperation_listsOperations() {
    assertThatThrownBy(() -> FaultSpec.parse("SendCommandz:lose=0.1"))
        .hasMessageContaining("unknown operation 'SendCommandz'")
        .hasMessageContaining("GetCommandInvocation");
  }

  @Test
  void parse_badDurationOrMissingEquals_rejected() {
    assertThatThrownBy(() -> FaultSpec.parse("latency=fast")).hasMessageContaining("50ms");
    assertThatThrownBy(() -> FaultSpec.parse("throttle")).hasMessageContaining("missing '='");
    assertThatThrownBy(() -> FaultSpec.parse("throttle=0.1,,lose=0.1"))
        .hasMessageContaining("empty item");
  }

  @Test
  void parse_crashOrOfflineWithOperation_rejected() {
    assertThatThrownBy(() -> FaultSpec.parse("SendCommand:crash=0.5"))
        .hasMessageContaining("no operation prefix");
    assertThatThrownBy(() -> FaultSpec.parse("ListCommands:offline=0.5"))
        .hasMessageContaining("no operation prefix");
  }

  @Test
  void parse_offline_probability() {
    assertThat(FaultSpec.parse("offline=0.25").probability(FaultSpec.Kind.OFFLINE, "SendCommand"))
        .isEqualTo(0.25);
  }
}
