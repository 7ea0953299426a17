package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The emulator's command line: Windows instances and the isolation switch. */
class MainIT {
  @Test
  void windowsAndIsolation_addWindowsInstancesOnTheSharedHost() {
    try (SsmEmulator emu =
            Main.parse(
                    new String[] {
                      "--instances", "1", "--windows", "2", "--isolation", "shared-host"
                    })
                .start();
        SsmClient ssm = emu.newSsmClient()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Main.print(emu, new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(emu.isolation()).isEqualTo(Isolation.SHARED_HOST);
      assertThat(
              ssm.describeInstanceInformation(
                      b -> b.filters(f -> f.key("PlatformTypes").values("Windows")))
                  .instanceInformationList())
          .hasSize(2);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("ISOLATION=SHARED_HOST\n");
    }
  }

  @Test
  void isolation_unknownValue_saysWhatItTakes() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--isolation", "vm"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--isolation takes sandbox or shared-host, got 'vm'");
  }
}
