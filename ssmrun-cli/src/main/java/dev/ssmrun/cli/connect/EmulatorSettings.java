package dev.ssmrun.cli.connect;

import dev.ssmrun.cli.convert.KeyValue;
import java.util.List;

/**
 * How to start an embedded emulator. {@code faults} may be null; {@code windows} Windows instances
 * come after the Linux ones; {@code sharedHost} runs scripts on the host instead of sandboxes.
 */
public record EmulatorSettings(
    int port, int instances, List<KeyValue> tags, String faults, int windows, boolean sharedHost) {
  /** Linux instances only, sandboxed where the host allows it. */
  public EmulatorSettings(int port, int instances, List<KeyValue> tags, String faults) {
    this(port, instances, tags, faults, 0, false);
  }
}
