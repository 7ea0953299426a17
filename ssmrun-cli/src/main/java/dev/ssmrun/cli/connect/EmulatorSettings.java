package dev.ssmrun.cli.connect;

import dev.ssmrun.cli.convert.KeyValue;
import java.util.List;

/** How to start an embedded emulator. {@code faults} may be null. */
public record EmulatorSettings(int port, int instances, List<KeyValue> tags, String faults) {}
