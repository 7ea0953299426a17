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

  /**
   * True if the invocation succeeded, or hit the emulator's known race (reported to its owner):
   * under load, exec of {@code _script.sh} can fail with ETXTBSY, exit 126 "Text file busy",
   * because another thread forks while the file is still open for writing.
   */
  static boolean succeededOrTextFileBusy(InvocationResult i) {
    return i.isSuccessful() || (i.exitCode() == 126 && i.stderr().contains("Text file busy"));
  }

  /** Processes started per instance, only for the given instances. */
  static Map<String, Integer> executions(SsmEmulator emu, List<String> ids) {
    Map<String, Integer> all = emu.state().executions();
    return ids.stream().collect(java.util.stream.Collectors.toMap(id -> id,
        id -> all.getOrDefault(id, 0)));
  }
}
