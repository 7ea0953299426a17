package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.OperatingSystem;
import dev.ssmrun.emulator.Platform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One simulated managed instance: fixed identity, plus ping state that is read and changed only
 * under {@code Engine.lock}.
 */
public final class Instance {
  public final String id;

  /** Its hostname and {@code ComputerName}: the Name tag, or {@code local-N}. */
  public final String name;

  public final Platform platform;
  public final OperatingSystem os;
  public final Map<String, String> tags;
  public final Path home;
  private boolean online;
  private boolean crashed;
  private boolean rebooting;
  private Instant lastPing;

  Instance(
      String id,
      String name,
      OperatingSystem os,
      Map<String, String> tags,
      Path home,
      Instant registeredAt,
      boolean online) {
    this.id = id;
    this.name = name;
    this.platform = os.platform();
    this.os = os;
    this.tags = Map.copyOf(tags);
    this.home = home;
    this.online = online;
    this.lastPing = registeredAt;
  }

  /** {@code Online} or {@code ConnectionLost}, as DescribeInstanceInformation shows. */
  public String pingStatus() {
    return reachable() ? "Online" : "ConnectionLost";
  }

  /** True if the agent is online, has not crashed and is not rebooting. */
  public boolean reachable() {
    return online && !crashed && !rebooting;
  }

  /** When the agent last answered. */
  public Instant lastPing() {
    return lastPing;
  }

  /** The agent answered at {@code at}. */
  public void ping(Instant at) {
    lastPing = at;
  }

  /** The agent died (fault): contact is lost until the command it ran expires. */
  public void crash() {
    crashed = true;
  }

  /** The crashed agent is back. */
  void recover() {
    crashed = false;
  }

  /** The instance restarts (exit code 194): ConnectionLost until {@link #rebooted}. */
  public void reboot() {
    rebooting = true;
  }

  /** The restarted instance's agent is back at {@code at}. */
  public void rebooted(Instant at) {
    rebooting = false;
    lastPing = at;
  }

  void online(boolean value, Instant at) {
    online = value;
    lastPing = at;
  }

  /** The folder the agent runs commands in on the shared host when none is given. */
  public Path workDir() {
    return home.resolve("work");
  }
}
