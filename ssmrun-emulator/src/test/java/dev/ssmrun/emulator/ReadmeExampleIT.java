package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit example from the module README, kept compiling and passing. */
class ReadmeExampleIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM = SsmEmulatorExtension.create(SsmEmulator.builder());

  @Test
  void echo_runsOnEveryInstance() {
    SsmEmulator emu = SSM.emulator();
    String id =
        SSM.ssm()
            .sendCommand(
                b ->
                    b.documentName("AWS-RunShellScript")
                        .instanceIds(emu.instanceIds())
                        .parameters(Map.of("commands", List.of("echo hi"))))
            .command()
            .commandId();
    for (String instance : emu.instanceIds()) {
      assertThat(Poll.terminal(SSM.ssm(), id, instance).standardOutputContent()).isEqualTo("hi\n");
    }
    assertThat(emu.state().callCount("SendCommand", "ok")).isEqualTo(1);
  }
}
