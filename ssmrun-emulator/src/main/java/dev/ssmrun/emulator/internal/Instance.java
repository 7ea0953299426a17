package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.Platform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** One simulated managed instance. Mutable ping state is guarded by the registry lock. */
final class Instance {
  final String id;
  final String name;
  final Platform platform;
  final Map<String, String> tags;
  final Path home;
  final Instant registeredAt;
  boolean online;
  boolean crashed;
  Instant lastPing;

  Instance(
      String id,
      String name,
      Platform platform,
      Map<String, String> tags,
      Path home,
      Instant registeredAt,
      boolean online) {
    this.id = id;
    this.name = name;
    this.platform = platform;
    this.tags = Map.copyOf(tags);
    this.home = home;
    this.registeredAt = registeredAt;
    this.online = online;
    this.lastPing = registeredAt;
  }

  /** {@code Online} or {@code ConnectionLost}, as DescribeInstanceInformation shows. */
  String pingStatus() {
    return online && !crashed ? "Online" : "ConnectionLost";
  }

  boolean reachable() {
    return online && !crashed;
  }

  /** The folder the agent runs commands in when no workingDirectory is given. */
  Path workDir() {
    return home.resolve("work");
  }
}
