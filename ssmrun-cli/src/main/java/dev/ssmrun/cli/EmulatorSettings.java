package dev.ssmrun.cli;

import java.util.List;

/** How to start an embedded emulator. {@code faults} may be null. */
record EmulatorSettings(int port, int instances, List<KeyValue> tags, String faults) {}
