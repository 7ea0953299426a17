package dev.ssmrun.emulator.internal.agent;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs a script as the SSM agent does: {@code _script.sh} written to the orchestration folder,
 * started on its instance's {@link Machine} under the {@link Supervisor}, stdout and stderr copied
 * from pipes into the folder's {@code stdout} and {@code stderr} files. It ends when the script's
 * shell has exited and both pipes are closed, or when the agent stops it.
 */
public final class ScriptRunner {
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  /** How long a stopped script's processes may take to go before the agent reports anyway. */
  private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

  /**
   * Writing a script takes the write lock, spawning a process the read lock. Otherwise a child
   * forked for one script can inherit the still-open write handle of another, whose exec then fails
   * with ETXTBSY ("Text file busy", exit 126) when invocations are delivered in parallel. Spawns
   * may overlap: once {@code start()} returns, the child has closed every inherited handle.
   */
  private static final ReadWriteLock SPAWN_LOCK = new ReentrantReadWriteLock();

  private final ScheduledExecutorService scheduler;
  private final Executor captures;
  private final RunningScripts scripts;

  /** Times scripts out on {@code scheduler}, copies output on {@code captures}. */
  public ScriptRunner(
      ScheduledExecutorService scheduler, Executor captures, RunningScripts scripts) {
    this.scheduler = scheduler;
    this.captures = captures;
    this.scripts = scripts;
  }

  /** What to run: the script's text and file, the workingDirectory parameter, the time limit. */
  record Job(Path folder, String fileName, String text, String workingDirectory, Duration timeout) {
    Path script() {
      return folder.resolve(fileName);
    }
  }

  /** How the script ended, with its full output. */
  @SuppressWarnings("ArrayRecordComponent") // output bytes, never compared or hashed
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
   * Runs the job on {@code machine} on the calling thread until it ends (exit, timeout, cancel),
   * or returns {@link Result#NOT_STARTED} if {@link Hooks#mayStart()} refuses.
   *
   * @throws IOException if the folder or the process cannot be created
   * @throws InterruptedException if the calling thread is interrupted while the script runs
   */
  Result run(Machine machine, Job job, Map<String, String> environment, Hooks hooks)
      throws IOException, InterruptedException {
    writeScript(job, machine.home);
    if (!hooks.mayStart()) {
      return Result.NOT_STARTED;
    }
    ProcessBuilder builder =
        new ProcessBuilder(machine.command(job, environment))
            .directory(machine.home.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().clear();
    builder.environment().put("PATH", Tools.AGENT_PATH + ":/sbin:/bin");
    Process process = spawn(builder);
    OutputCapture out = new OutputCapture(process.getInputStream(), job.folder().resolve("stdout"));
    OutputCapture err = new OutputCapture(process.getErrorStream(), job.folder().resolve("stderr"));
    RunningScript running = new RunningScript(process.getOutputStream(), List.of(out, err));
    ScheduledFuture<?> timeout = null;
    try {
      CompletableFuture<Void> output = capture(out, err);
      timeout = watch(running, job.timeout());
      hooks.started(running);
      awaitEnd(running, output);
      running.release();
      if (!process.waitFor(STOP_LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly().waitFor(); // our own child: its pid cannot be another's
      }
      return new Result(
          running.outcome(), process.exitValue(), read(job, "stdout"), read(job, "stderr"));
    } finally {
      if (timeout != null) {
        timeout.cancel(false);
      }
      running.stop(RunningScript.Outcome.CRASHED); // no-op unless we leave by an exception
      scripts.remove(running);
      running.ended().complete(null);
    }
  }

  private CompletableFuture<Void> capture(OutputCapture out, OutputCapture err) throws IOException {
    try {
      captures.execute(out);
      captures.execute(err);
    } catch (RejectedExecutionException e) {
      throw new IOException("emulator closed", e);
    }
    return CompletableFuture.allOf(out.closed(), err.closed());
  }

  /** Registers the script and its execution timeout; after close it is stopped at once. */
  private ScheduledFuture<?> watch(RunningScript running, Duration limit) throws IOException {
    try {
      if (!scripts.add(running)) {
        throw new RejectedExecutionException("emulator closed");
      }
      return scheduler.schedule(
          () -> running.stop(RunningScript.Outcome.TIMED_OUT),
          limit.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IOException("emulator closed", e);
    }
  }

  /**
   * Waits until the output is closed (the shell exited and nothing it left holds the pipes), or,
   * once the agent stopped the script, at most {@link #STOP_LIMIT} more.
   */
  private static void awaitEnd(RunningScript running, CompletableFuture<Void> output)
      throws InterruptedException {
    try {
      CompletableFuture.anyOf(output, running.stopped()).get();
      if (!output.isDone()) {
        output.get(STOP_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      // Output held open by a process that escaped the stop: report without it.
    }
  }

  /** Starts {@code builder}'s process under {@link #SPAWN_LOCK}. */
  static Process spawn(ProcessBuilder builder) throws IOException {
    SPAWN_LOCK.readLock().lock();
    try {
      return builder.start();
    } finally {
      SPAWN_LOCK.readLock().unlock();
    }
  }

  /** Writes the script (owner-only, executable), replacing one from an earlier run. */
  private static void writeScript(Job job, Path home) throws IOException {
    createFolders(job.folder(), home);
    Path script = job.script();
    SPAWN_LOCK.writeLock().lock();
    try {
      Files.deleteIfExists(script);
      Files.write(
          Files.createFile(script, OWNER_ONLY), job.text().getBytes(StandardCharsets.UTF_8));
    } finally {
      SPAWN_LOCK.writeLock().unlock();
    }
  }

  /**
   * Creates missing folders below {@code home} top-down, without the exceptions
   * Files.createDirectories throws. A missing {@code home} means the emulator closed (and deleted
   * it): nothing is recreated.
   */
  private static void createFolders(Path folder, Path home) throws IOException {
    if (!Files.isDirectory(home)) {
      throw new IOException("emulator closed");
    }
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = folder; !p.equals(home) && !Files.isDirectory(p); p = p.getParent()) {
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

  /** Single-quotes a value for sh. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static byte[] read(Job job, String stream) {
    try {
      return Files.readAllBytes(job.folder().resolve(stream));
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
