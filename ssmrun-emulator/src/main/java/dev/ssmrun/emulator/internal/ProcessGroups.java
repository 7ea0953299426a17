package dev.ssmrun.emulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every process group the agents started, so that each can be killed, all at close. */
final class ProcessGroups {
  private final Set<Long> groups = new LinkedHashSet<>();
  private boolean closed;

  /** Records a new group; after {@link #killAll()} it refuses (false) so the caller kills it. */
  synchronized boolean add(long pgid) {
    if (closed) {
      return false;
    }
    groups.add(pgid);
    return true;
  }

  /**
   * SIGKILLs one whole group (the script and everything it started). The leader's pid is killed
   * first, then the group: right after the spawn, {@code setsid} may not have made the group yet,
   * and a group-only kill would miss the process that is about to become its leader.
   */
  void kill(long pgid) {
    killAll(List.of(pgid));
  }

  /** SIGKILLs every group ever started; groups already gone are ignored. */
  void killAll() {
    List<Long> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(groups);
      groups.clear();
    }
    killAll(all);
  }

  private static void killAll(List<Long> pgids) {
    if (pgids.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("kill", "-KILL", "--"));
    for (long pgid : pgids) {
      command.add(Long.toString(pgid)); // the leader, in case its group does not exist yet
    }
    for (long pgid : pgids) {
      command.add("-" + pgid); // then everything it started
    }
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      Process kill;
      ScriptRunner.SPAWN_LOCK.readLock().lock(); // see SPAWN_LOCK: no inherited script handles
      try {
        kill = builder.start();
      } finally {
        ScriptRunner.SPAWN_LOCK.readLock().unlock();
      }
      kill.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill(1) to stop process groups", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
