package dev.ssmrun.internal.watch;

import java.time.Instant;
import java.util.List;

/**
 * A command SSM accepted: its id, the instances it was sent to (empty for tag targets, which SSM
 * resolves), when it was requested, and when SSM gives up on it ({@code ExpiresAfter}; null if
 * unknown).
 */
public record SentCommand(
    String commandId, List<String> instanceIds, Instant sentAt, Instant expiresAfter) {
  public SentCommand {
    instanceIds = List.copyOf(instanceIds);
  }

  /** True if SSM resolves the instances from tag targets. */
  public boolean byTags() {
    return instanceIds.isEmpty();
  }
}
