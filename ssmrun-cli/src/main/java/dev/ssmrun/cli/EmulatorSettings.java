package dev.ssmrun.cli;

import java.util.List;

/**
 * How to start an embedded emulator. {@code faults} may be null; {@code windows} Windows instances
 * come after the Linux ones; {@code sharedHost} runs scripts on the host instead of sandboxes.
 */
record EmulatorSettings(
    int port, int instances, List<KeyValue> tags, String faults, int windows, boolean sharedHost) {
  EmulatorSettings(int port, int instances, List<KeyValue> tags, String faults) {
    this(port, instances, tags, faults, 0, false);
  }
}
