package dev.ssmrun.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.Command;

/**
 * Decides which commands to list in a poll. One ListCommands call shows every command's
 * CompletedCount, so a fleet of many commands costs one call per poll while nothing finishes; a
 * command is listed only when SSM counts more finished invocations than the engine knows, when it
 * is done, while it may still be appearing, or at least every {@link #REFRESH} as a safety net.
 * Nothing is listed while SSM counts nothing finished: the engine already knows the instances.
 */
final class CommandProbe {
  static final Duration REFRESH = Duration.ofSeconds(10);
  private static final Duration LOOK_BACK = Duration.ofMinutes(1);

  private final SsmGateway ssm;
  private final Map<String, Instant> listedAt = new HashMap<>();

  CommandProbe(SsmGateway ssm) {
    this.ssm = ssm;
  }

  /** The commands among {@code active} to list now. */
  Set<String> due(List<CommandTracker> active, Instant now) {
    Set<String> due = new HashSet<>();
    if (active.size() == 1 && active.get(0).knownCount() <= SendRequests.MAX_IDS) {
      due.add(active.get(0).commandId()); // Its one-page listing costs no more than a probe.
    } else if (!active.isEmpty()) {
      Map<String, Command> seen = probe(active);
      for (CommandTracker t : active) {
        if (isDue(t, seen.get(t.commandId()), now)) {
          due.add(t.commandId());
        }
      }
    }
    due.forEach(id -> listedAt.put(id, now));
    return due;
  }

  private Map<String, Command> probe(List<CommandTracker> active) {
    Map<String, Command> seen = new HashMap<>();
    Instant since = active.stream().map(CommandTracker::sentAt).min(Instant::compareTo).get();
    for (Command c : ssm.listCommandsSince(since.minus(LOOK_BACK))) {
      seen.put(c.commandId(), c);
    }
    return seen;
  }

  private boolean isDue(CommandTracker t, Command c, Instant now) {
    Instant last = listedAt.getOrDefault(t.commandId(), t.sentAt());
    if (c == null || !now.isBefore(last.plus(REFRESH))) {
      return true; // Not shown yet (eventual consistency: the listing handles grace), or stale.
    }
    int completed = c.completedCount() == null ? 0 : c.completedCount();
    int targets = c.targetCount() == null ? 0 : c.targetCount();
    return completed > t.finishedCount() || t.knownCount() < targets
        || Outcomes.isTerminal(c.statusAsString()) || t.isCancelled();
  }
}
