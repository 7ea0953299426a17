package dev.ssmrun.internal.watch;

import dev.ssmrun.internal.aws.SsmGateway;
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
 * CompletedCount, ErrorCount and TargetCount, so a fleet of many commands costs one call per poll
 * while it runs. A command is listed only when it is done (all its instances counted complete),
 * cancelled, not shown yet, or still appearing (tag targets); when fail-fast needs to know who
 * failed because its error count rose; or when SSM has counted finishes that the engine has not
 * read for {@link #NEWS_REFRESH}, so that progress listeners hear about them in time.
 */
final class CommandProbe {
  static final Duration NEWS_REFRESH = Duration.ofSeconds(5);

  /** One page of ListCommandInvocations: a command this big is listed as cheaply as probed. */
  private static final int PAGE = 50;

  private static final Duration LOOK_BACK = Duration.ofMinutes(1);

  private final SsmGateway ssm;
  private final boolean failFast;
  private final Map<String, Instant> newsSince = new HashMap<>();
  private final Map<String, Integer> lastCompleted = new HashMap<>();
  private boolean counted;

  CommandProbe(SsmGateway ssm, boolean failFast) {
    this.ssm = ssm;
    this.failFast = failFast;
  }

  /** True if a run of these commands is watched by probing rather than by listing each poll. */
  static boolean probes(List<CommandTracker> trackers) {
    return trackers.size() > 1 || (trackers.size() == 1 && trackers.get(0).knownCount() > PAGE);
  }

  /** The commands among {@code active} to list now. */
  Set<String> due(List<CommandTracker> active, Instant now) {
    Set<String> due = new HashSet<>();
    counted = false;
    if (!probes(active)) {
      active.forEach(t -> due.add(t.commandId())); // One page: no dearer than a probe.
    } else {
      Map<String, Command> seen = probe(active);
      for (CommandTracker t : active) {
        if (isDue(t, seen.get(t.commandId()), now)) {
          due.add(t.commandId());
        }
      }
    }
    due.forEach(newsSince::remove);
    return due;
  }

  /** True if the last probe counted more finished invocations than the one before. */
  boolean countedFinishes() {
    return counted;
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
    if (c == null) {
      return true; // Not shown yet (eventual consistency): the listing handles the grace window.
    }
    int completed = count(c.completedCount());
    int targets = count(c.targetCount());
    Integer before = lastCompleted.put(t.commandId(), completed);
    counted |= completed > (before == null ? 0 : before);
    if (Outcomes.isTerminal(c.statusAsString())
        || (targets > 0 && completed >= targets)
        || t.knownCount() < targets
        || t.isCancelled()) {
      return true;
    }
    if (completed <= t.finishedCount()) {
      return false; // No news: the engine already knows every instance.
    }
    int errors = count(c.errorCount()) + count(c.deliveryTimedOutCount());
    if (failFast && errors > t.errorCount()) {
      return true; // The failure policy must learn who failed.
    }
    Instant since = newsSince.computeIfAbsent(t.commandId(), id -> now);
    return !now.isBefore(since.plus(NEWS_REFRESH));
  }

  private static int count(Integer n) {
    return n == null ? 0 : n;
  }
}
