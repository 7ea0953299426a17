package dev.ssmrun.emulator.internal.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs a script as the SSM agent does: {@code _script.sh} written to the orchestration folder, run
 * by {@code sh} in a new process group (through {@code setsid}), output captured in files.
 */
public final class ScriptRunner {
  private static final File DEV_NULL = new File("/dev/null");
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  /** How long a killed group's members may take to die before the agent reports anyway. */
  private static final Duration GROUP_EXIT_LIMIT = Duration.ofSeconds(5);

  private final ScheduledExecutorService scheduler;
  private final ProcessGroups groups;

  /** Times scripts out on {@code scheduler} and registers their groups in {@code groups}. */
  public ScriptRunner(ScheduledExecutorService scheduler, ProcessGroups groups) {
    this.scheduler = scheduler;
    this.groups = groups;
  }

  /** What to run, where, and for how long at most. */
  record Job(
      Path folder,
      String script,
      boolean powershell,
      Path workingDir,
      Map<String, String> environment,
      Duration timeout) {}

  /**
   * Writing a script takes the write lock, spawning a process the read lock. Otherwise a child
   * forked for one script can inherit the still-open write handle of another, whose exec then fails
   * with ETXTBSY ("Text file busy", exit 126) when invocations are delivered in parallel. Spawns
   * may overlap: once {@code start()} returns, the child has closed every inherited handle.
   */
  static final ReadWriteLock SPAWN_LOCK = new ReentrantReadWriteLock();

  /** How the script ended, with its full output. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed
  record Result(RunningScript.Outcome outcome, int exitCode, byte[] stdout, byte[] stderr) {
    static final Result NOT_STARTED =
        new Result(RunningScript.Outcome.NOT_STARTED, -1, new byte[0], new byte[0]);
  }

  /** What the agent decides around the spawn. */
  interface Hooks {
    /** Asked right before the spawn; false (e.g. cancelled meanwhile) means do not start. */
    boolean mayStart();

    /** The process exists: the agent records it and applies a cancel that came meanwhile. */
    void started(RunningScript running);
  }

  /**
   * Runs the job on the calling thread until it ends (exit, timeout or cancel), or returns {@link
   * Result#NOT_STARTED} if {@link Hooks#mayStart()} refuses. {@link Hooks#started} receives the
   * running script as soon as its process exists, so that it can be cancelled.
   *
   * @throws IOException if the folder or the process cannot be created
   * @throws InterruptedException if the calling thread is interrupted while the script runs
   */
  Result run(Job job, Hooks hooks) throws IOException, InterruptedException {
    Path script = writeScript(job);
    if (!hooks.mayStart()) {
      return Result.NOT_STARTED;
    }
    Path stdout = job.folder().resolve("stdout");
    Path stderr = job.folder().resolve("stderr");
    ProcessBuilder builder =
        new ProcessBuilder(command(script, job.powershell()))
            .directory(job.workingDir().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(job.environment());
    Process process;
    SPAWN_LOCK.readLock().lock();
    try {
      process = builder.start();
    } finally {
      SPAWN_LOCK.readLock().unlock();
    }
    RunningScript running = new RunningScript(process.pid(), groups);
    ScheduledFuture<?> timeout = watch(running, job.timeout());
    try {
      hooks.started(running);
      int exitCode = process.waitFor();
      if (running.outcome() != RunningScript.Outcome.EXITED) {
        ProcessGroups.awaitGone(running.pgid, GROUP_EXIT_LIMIT);
      }
      return new Result(running.outcome(), exitCode, read(stdout), read(stderr));
    } finally {
      timeout.cancel(false);
    }
  }

  /** Writes the script (owner-only, executable) into the job's folder, creating the folder. */
  private static Path writeScript(Job job) throws IOException {
    createFolders(job.folder());
    Path script = job.folder().resolve(job.powershell() ? "_script.ps1" : "_script.sh");
    SPAWN_LOCK.writeLock().lock();
    try {
      Files.write(
          Files.createFile(script, OWNER_ONLY), job.script().getBytes(StandardCharsets.UTF_8));
    } finally {
      SPAWN_LOCK.writeLock().unlock();
    }
    return script;
  }

  /** Creates missing folders top-down without the exceptions Files.createDirectories throws. */
  private static void createFolders(Path folder) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = folder; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    for (Path p : missing) {
      try {
        Files.createDirectory(p);
      } catch (FileAlreadyExistsException e) {
        // Another invocation of the same command created it first.
      }
    }
  }

  private ScheduledFuture<?> watch(RunningScript running, Duration limit) throws IOException {
    try {
      if (!groups.add(running.pgid)) {
        throw new RejectedExecutionException("emulator closed");
      }
      return scheduler.schedule(
          () -> running.stop(RunningScript.Outcome.TIMED_OUT),
          limit.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The emulator closed while this script was starting: nothing may outlive close().
      groups.kill(running.pgid);
      throw new IOException("emulator closed", e);
    }
  }

  private static List<String> command(Path script, boolean powershell) {
    if (powershell) {
      return List.of("setsid", "pwsh", "-NonInteractive", "-File", script.toString());
    }
    // Like the agent's "sh -c <path>", with the path quoted so that no character in it is code.
    return List.of("setsid", "sh", "-c", quote(script.toString()));
  }

  /** Single-quotes a value for sh. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
