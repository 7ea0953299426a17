package dev.ssmrun.emulator.internal.agent;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** Every process group the agents started, so that each can be killed, all at close. */
public final class ProcessGroups {
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
  public void killAll() {
    List<Long> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(groups);
      groups.clear();
    }
    killAll(all);
  }

  /**
   * Waits, at most {@code limit}, until no live process is left in group {@code pgid}. SIGKILL
   * takes effect when each member is next scheduled, which on a loaded machine is after its leader
   * was reaped; a status saying the group is gone must already be true when it is read. Zombies do
   * not count. Without {@code /proc} it returns at once.
   */
  static void awaitGone(long pgid, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (hasLiveMember(pgid) && System.nanoTime() < deadline) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      LockSupport.parkNanos(1_000_000); // real processes dying: no fake time applies here
    }
  }

  private static boolean hasLiveMember(long pgid) {
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        if (liveMember(dir.resolve("stat"), pgid)) {
          return true;
        }
      }
    } catch (IOException e) {
      return false; // no /proc to look at
    }
    return false;
  }

  /** Reads {@code /proc/PID/stat}: "pid (comm) state ppid pgrp ...". */
  private static boolean liveMember(Path stat, long pgid) {
    String line;
    try {
      line = Files.readString(stat);
    } catch (IOException e) {
      return false; // gone meanwhile
    }
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ", 4);
    return fields.length == 4 && !fields[0].equals("Z") && fields[2].equals(Long.toString(pgid));
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
