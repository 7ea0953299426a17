package dev.ssmrun.emulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a script as the SSM agent does: {@code _script.sh} written to the orchestration folder, run
 * by {@code sh} in a new process group (through {@code setsid}), output captured in files.
 */
final class ScriptRunner {
  private final ScheduledExecutorService scheduler;
  private final Executor workers;
  private final ProcessGroups groups;

  ScriptRunner(ScheduledExecutorService scheduler, Executor workers, ProcessGroups groups) {
    this.scheduler = scheduler;
    this.workers = workers;
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
   * Held while a script file is open for writing and while a process is spawned. Otherwise a child
   * forked for one script can inherit the still-open write handle of another, whose exec then fails
   * with ETXTBSY ("Text file busy", exit 126) when invocations are delivered in parallel.
   */
  private static final Object SPAWN_LOCK = new Object();

  /** How the script ended, with its full output. */
  record Result(RunningScript.Outcome outcome, int exitCode, byte[] stdout, byte[] stderr) {}

  /**
   * Starts the job and calls {@code onDone} once it ends (exit, timeout or cancel).
   *
   * @throws IOException if the folder or the process cannot be created
   */
  RunningScript start(Job job, Consumer<Result> onDone) throws IOException {
    Files.createDirectories(job.folder());
    Path script = job.folder().resolve(job.powershell() ? "_script.ps1" : "_script.sh");
    synchronized (SPAWN_LOCK) {
      Files.writeString(script, job.script(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }
    Path stdout = job.folder().resolve("stdout");
    Path stderr = job.folder().resolve("stderr");
    ProcessBuilder builder =
        new ProcessBuilder(command(script, job.powershell()))
            .directory(job.workingDir().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(job.environment());
    Process process;
    synchronized (SPAWN_LOCK) {
      process = builder.start();
    }
    RunningScript running = new RunningScript(process.pid(), groups);
    groups.add(process.pid());
    ScheduledFuture<?> timeout =
        scheduler.schedule(
            () -> running.stop(RunningScript.Outcome.TIMED_OUT),
            job.timeout().toNanos(),
            TimeUnit.NANOSECONDS);
    process
        .onExit()
        .thenAcceptAsync(
            p -> {
              timeout.cancel(false);
              onDone.accept(
                  new Result(running.outcome(), p.exitValue(), read(stdout), read(stderr)));
            },
            workers);
    return running;
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
