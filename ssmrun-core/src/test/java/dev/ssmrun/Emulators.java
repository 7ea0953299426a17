package dev.ssmrun;

import dev.ssmrun.emulator.SsmEmulator;
import java.util.List;
import java.util.Map;

/** Helpers shared by the emulator-backed tests. */
final class Emulators {
  private Emulators() {}

  static SsmRunner runner(SsmEmulator emu) {
    return SsmRunner.builder().ssmClient(emu.newSsmClient()).s3Client(emu.newS3Client()).build();
  }

  /** Processes started per instance, only for the given instances. */
  static Map<String, Integer> executions(SsmEmulator emu, List<String> ids) {
    Map<String, Integer> all = emu.state().executions();
    return ids.stream()
        .collect(java.util.stream.Collectors.toMap(id -> id, id -> all.getOrDefault(id, 0)));
  }
}
