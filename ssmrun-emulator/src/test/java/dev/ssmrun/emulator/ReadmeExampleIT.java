package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The JUnit example from the module README, kept compiling and passing. */
class ReadmeExampleIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM = SsmEmulatorExtension.create(SsmEmulator.builder());

  @Test
  void echo_runsOnEveryInstance() {
    SsmEmulator emu = SSM.emulator();
    try (SsmClient ssm = emu.newSsmClient()) {
      String id =
          ssm.sendCommand(
                  b ->
                      b.documentName("AWS-RunShellScript")
                          .instanceIds(emu.instanceIds())
                          .parameters(Map.of("commands", List.of("echo hi"))))
              .command()
              .commandId();
      for (String instance : emu.instanceIds()) {
        assertThat(Poll.terminal(ssm, id, instance).standardOutputContent()).isEqualTo("hi\n");
      }
      assertThat(emu.state().callCount("SendCommand", "ok")).isEqualTo(1);
    }
  }
}
