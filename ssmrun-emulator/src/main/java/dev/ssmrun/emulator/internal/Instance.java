package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.Platform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** One simulated managed instance. Mutable ping state is guarded by the registry lock. */
public final class Instance {
  public final String id;
  public final String name;
  public final Platform platform;
  public final Map<String, String> tags;
  public final Path home;
  final Instant registeredAt;
  boolean online;
  public boolean crashed;
  public Instant lastPing;

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
  public String pingStatus() {
    return online && !crashed ? "Online" : "ConnectionLost";
  }

  /** True if the agent is online and has not crashed. */
  public boolean reachable() {
    return online && !crashed;
  }

  /** The folder the agent runs commands in when no workingDirectory is given. */
  public Path workDir() {
    return home.resolve("work");
  }
}
