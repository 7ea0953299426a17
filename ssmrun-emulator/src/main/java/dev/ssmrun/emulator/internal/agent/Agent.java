package dev.ssmrun.emulator.internal.agent;

import dev.ssmrun.emulator.FaultSpec;
import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.Platform;
import dev.ssmrun.emulator.internal.CommandRecord;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Instance;
import dev.ssmrun.emulator.internal.Invocation;
import dev.ssmrun.emulator.internal.Limits;
import dev.ssmrun.emulator.internal.logs.AgentLogs;
import dev.ssmrun.emulator.internal.logs.Publication;
import dev.ssmrun.emulator.internal.s3.OutputUploader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated SSM agent: runs an invocation's script for real and reports the result. */
public final class Agent implements AutoCloseable {
  /** How long a reboot lasts, in seconds of {@code timeoutUnit}. */
  static final int REBOOT_SECONDS = 5;

  /** Reboots one invocation may ask for; the next 194 is reported as a failure. */
  public static final int MAX_REBOOTS = 10;

  private final Engine engine;
  private final ScriptRunner runner;
  private final OutputUploader uploader;
  private final Isolation isolation;
  private final Map<String, Machine> machines = new HashMap<>();
  private boolean closed;

  /** An agent that reports into {@code engine} and puts full output through {@code uploader}. */
  public Agent(Engine engine, ScriptRunner runner, OutputUploader uploader, Isolation isolation) {
    this.engine = engine;
    this.runner = runner;
    this.uploader = uploader;
    this.isolation = isolation;
  }

  /**
   * Runs {@code inv} (already marked InProgress) on the calling thread and reports the end. From
   * here on the agent owns the invocation: a cancel only flags it, and the agent either drops it
   * before spawning anything or stops the process it spawned.
   */
  public void deliver(Invocation inv) {
    deliver(inv, 0);
  }

  private void deliver(Invocation inv, int reboots) {
    if (engine.closed()) {
      return;
    }
    boolean crash = engine.faults.draw(FaultSpec.Kind.CRASH, "SendCommand");
    Publication logs = publishLogs(inv);
    Machine machine;
    ScriptRunner.Result result;
    try {
      machine = machine(inv.instance);
      result = runner.run(machine, job(inv), environment(inv, machine), hooks(inv, crash));
    } catch (IOException e) {
      if (!engine.closed()) {
        report(inv, failure("failed to run commands: " + e.getMessage()), logs);
      }
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (wantsReboot(inv, result) && reboots < MAX_REBOOTS) {
      logs.abandon(); // the instance goes down: the next run publishes afresh
      reboot(inv, machine, reboots + 1);
      return;
    }
    report(inv, result, logs);
  }

  /** CloudWatch output: the group is created as the plugin starts, the output tailed into it. */
  private Publication publishLogs(Invocation inv) {
    Path folder = orchestrationFolder(inv);
    return engine.agentLogs.start(
        inv.instance.id,
        AgentLogs.groupFor(inv.command.request, inv.command.document.documentName),
        AgentLogs.streamPrefix(
            inv.command.commandId, inv.instance.id, inv.command.document.pluginName),
        folder.resolve("stdout"),
        folder.resolve("stderr"));
  }

  /** Exit code 194 (3010 on Windows): reboot, then run the script again from the top. */
  private static boolean wantsReboot(Invocation inv, ScriptRunner.Result result) {
    int code = inv.instance.platform == Platform.WINDOWS ? 3010 : 194;
    return result.outcome() == RunningScript.Outcome.EXITED && result.exitCode() == code;
  }

  /**
   * The instance restarts: ConnectionLost for {@link #REBOOT_SECONDS}, its volatile folders
   * emptied, then the script runs again while the invocation stays InProgress.
   */
  private void reboot(Invocation inv, Machine machine, int reboots) {
    synchronized (engine.lock) {
      inv.instance.reboot();
      inv.running(null);
    }
    try {
      machine.reboot();
    } catch (IOException e) {
      // What could not be emptied stays; the instance comes back anyway.
    }
    engine.later(
        () -> {
          synchronized (engine.lock) {
            inv.instance.rebooted(engine.clock.instant());
          }
          engine.execute(() -> deliver(inv, reboots));
          engine.dispatcher.dispatchAll();
        },
        engine.settings.scaled(REBOOT_SECONDS));
  }

  private Machine machine(Instance instance) throws IOException {
    synchronized (machines) {
      if (closed) {
        throw new IOException("emulator closed");
      }
      Machine machine = machines.get(instance.id);
      if (machine == null) {
        try {
          machine =
              Sandbox.machine(isolation, instance.id, instance.name, instance.os, instance.home);
        } catch (IllegalStateException e) {
          throw new IOException(e.getMessage(), e);
        }
        machines.put(instance.id, machine);
      }
      return machine;
    }
  }

  private ScriptRunner.Job job(Invocation inv) {
    CommandRecord command = inv.command;
    List<String> given = command.parameters.get("workingDirectory");
    return new ScriptRunner.Job(
        orchestrationFolder(inv),
        inv.instance.platform == Platform.WINDOWS ? "_script.ps1" : "_script.sh",
        String.join("\n", command.parameters.get("commands")) + "\n",
        given == null || given.isEmpty() ? "" : given.get(0),
        engine.settings.scaled(Limits.agentTimeout(command.executionTimeoutSeconds)));
  }

  private ScriptRunner.Hooks hooks(Invocation inv, boolean crash) {
    return new ScriptRunner.Hooks() {
      @Override
      public boolean mayStart() {
        synchronized (engine.lock) {
          return !inv.cancelRequested() && !inv.terminal() && !engine.closed();
        }
      }

      @Override
      public void started(RunningScript running) {
        Agent.this.started(inv, running, crash);
      }
    };
  }

  /** The process exists: count it, make it cancellable, and apply a cancel or crash at once. */
  private void started(Invocation inv, RunningScript running, boolean crash) {
    boolean cancelNow;
    synchronized (engine.lock) {
      engine.executions.merge(inv.instance.id, 1, Integer::sum);
      inv.running(running);
      cancelNow = inv.cancelRequested();
      if (crash) {
        inv.instance.crash(); // contact is lost now, not once the processes are gone
      }
    }
    if (crash) {
      running.stop(RunningScript.Outcome.CRASHED);
    } else if (cancelNow) {
      running.stop(RunningScript.Outcome.CANCELLED);
    }
  }

  private static ScriptRunner.Result failure(String message) {
    return new ScriptRunner.Result(
        RunningScript.Outcome.EXITED, 1, new byte[0], message.getBytes(StandardCharsets.UTF_8));
  }

  private Path orchestrationFolder(Invocation inv) {
    String plugin = inv.command.document.pluginName.replace(":", "");
    return inv.instance
        .home
        .resolve("document")
        .resolve("orchestration")
        .resolve(inv.command.commandId)
        .resolve(plugin)
        .resolve("0." + plugin);
  }

  /**
   * The agent's environment (amazon-ssm-agent#427): systemd's variables, its PATH and LANG, no
   * HOME, USER or SHELL, plus the variables the agent adds for the script.
   */
  private Map<String, String> environment(Invocation inv, Machine machine) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", Tools.AGENT_PATH);
    env.put("LANG", "C.UTF-8");
    env.put("PWD", "/usr/bin");
    env.put("SHLVL", "1");
    env.put("INVOCATION_ID", machine.invocationId());
    env.put("JOURNAL_STREAM", "8:" + Long.parseLong(machine.invocationId().substring(0, 5), 16));
    env.put("AWS_SSM_INSTANCE_ID", inv.instance.id);
    env.put("AWS_SSM_REGION_NAME", engine.settings.region());
    env.put("AWS_SSM_PLATFORM_NAME", inv.instance.os.platformName());
    env.put("AWS_SSM_PLATFORM_VERSION", inv.instance.os.platformVersion());
    env.put("SSM_COMMAND_ID", inv.command.commandId);
    return env;
  }

  /** Maps the script's end to the agent's status, uploads output, then reports it. */
  private void report(Invocation inv, ScriptRunner.Result result, Publication logs) {
    if (result.outcome() == RunningScript.Outcome.CRASHED) {
      logs.abandon();
      synchronized (engine.lock) {
        inv.running(null); // gone: nothing left for a cancel to stop
      }
      return; // a dead agent reports nothing; the service expires the invocation
    }
    String[] urls = upload(inv, result);
    logs.finish(result.stdout(), result.stderr(), () -> reportStatus(inv, result, urls));
  }

  private void reportStatus(Invocation inv, ScriptRunner.Result result, String[] urls) {
    boolean windows = inv.instance.platform == Platform.WINDOWS;
    String[] status = AgentStatus.of(result.outcome(), result.exitCode());
    int code = AgentStatus.responseCode(result.outcome(), result.exitCode(), windows);
    synchronized (engine.lock) {
      if (inv.terminal()) {
        return; // the service already gave up on it (expired) or never started it (cancelled)
      }
      inv.output(
          Truncation.content(result.stdout(), Truncation.MAX_STDOUT),
          Truncation.content(result.stderr(), Truncation.MAX_STDERR),
          urls[0],
          urls[1]);
      inv.finish(status[0], status[1], code, engine.clock.instant());
      inv.instance.ping(engine.clock.instant());
    }
    engine.dispatcher.finished(inv.command);
  }

  private String[] upload(Invocation inv, ScriptRunner.Result result) {
    CommandRecord command = inv.command;
    if (command.bucket.isEmpty() || result.outcome() == RunningScript.Outcome.NOT_STARTED) {
      return new String[] {"", ""};
    }
    String base =
        command.outputKeyPrefix(inv.instance.id)
            + "/0."
            + command.document.pluginName.replace(":", "")
            + "/";
    if (result.stdout().length > 0) {
      uploader.upload(command.bucket, base + "stdout", result.stdout());
    }
    if (result.stderr().length > 0) {
      uploader.upload(command.bucket, base + "stderr", result.stderr());
    }
    return new String[] {
      uploader.url(command.bucket, base + "stdout"), uploader.url(command.bucket, base + "stderr")
    };
  }

  /** Ends every instance's machine (the scripts were stopped before). */
  @Override
  public void close() {
    synchronized (machines) {
      closed = true;
      machines.values().forEach(Machine::close);
    }
  }
}
