package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith} injects a default emulator into test parameters. */
@ExtendWith(SsmEmulatorExtension.class)
class ExtensionParameterIT {
  @Test
  void parameter_defaultEmulator_threeInstancesWithRoleTags(SsmEmulator emu) {
    assertThat(emu.instanceIds()).hasSize(3).allMatch(id -> id.matches("i-[0-9a-f]{17}"));
    assertThat(emu.region()).isEqualTo("us-east-1");
    assertThat(emu.endpoint().getHost()).isEqualTo("127.0.0.1");
  }
}
