package dev.ssmrun.emulator.internal.agent;

import dev.ssmrun.emulator.FaultSpec;
import dev.ssmrun.emulator.Platform;
import dev.ssmrun.emulator.internal.CommandRecord;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Invocation;
import dev.ssmrun.emulator.internal.Limits;
import dev.ssmrun.emulator.internal.logs.AgentLogs;
import dev.ssmrun.emulator.internal.logs.Publication;
import dev.ssmrun.emulator.internal.s3.OutputUploader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The simulated SSM agent: runs an invocation's script for real and reports the result. */
public final class Agent {
  private final Engine engine;
  private final ScriptRunner runner;
  private final OutputUploader uploader;

  /** An agent that reports into {@code engine} and puts full output through {@code uploader}. */
  public Agent(Engine engine, ScriptRunner runner, OutputUploader uploader) {
    this.engine = engine;
    this.runner = runner;
    this.uploader = uploader;
  }

  /**
   * Runs {@code inv} (already marked InProgress) on the calling thread and reports the end. From
   * here on the agent owns the invocation: a cancel only flags it, and the agent either drops it
   * before spawning anything or kills the process it spawned.
   */
  public void deliver(Invocation inv) {
    if (engine.closed()) {
      return;
    }
    boolean crash = engine.faults.draw(FaultSpec.Kind.CRASH, "SendCommand");
    Publication logs = publishLogs(inv);
    ScriptRunner.Result result;
    try {
      result = runner.run(job(inv), hooks(inv, crash));
    } catch (IllegalStateException e) {
      result = failure(e.getMessage());
    } catch (IOException e) {
      if (engine.closed()) {
        return;
      }
      result = failure("failed to run commands: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  private ScriptRunner.Job job(Invocation inv) {
    CommandRecord command = inv.command;
    return new ScriptRunner.Job(
        orchestrationFolder(inv),
        String.join("\n", command.parameters.get("commands")) + "\n",
        inv.instance.platform == Platform.WINDOWS,
        workingDir(inv),
        environment(inv),
        engine.settings.scaled(Limits.agentTimeout(command.executionTimeoutSeconds)));
  }

  private ScriptRunner.Hooks hooks(Invocation inv, boolean crash) {
    return new ScriptRunner.Hooks() {
      @Override
      public boolean mayStart() {
        synchronized (engine.lock) {
          return !inv.cancelRequested && !inv.terminal() && !engine.closed();
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
      inv.running = running;
      cancelNow = inv.cancelRequested;
      if (crash) {
        inv.instance.crashed = true; // contact is lost now, not once the process is reaped
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

  private Path workingDir(Invocation inv) {
    List<String> given = inv.command.parameters.get("workingDirectory");
    if (given == null || given.isEmpty() || given.get(0).isEmpty()) {
      return inv.instance.workDir();
    }
    Path dir = inv.instance.workDir().resolve(given.get(0));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "Invalid workingDirectory " + given.get(0) + ", please make sure the directory exists.");
    }
    return dir;
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

  private Map<String, String> environment(Invocation inv) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_SSM_INSTANCE_ID", inv.instance.id);
    env.put("AWS_SSM_REGION_NAME", engine.settings.region());
    env.put("AWS_SSM_PLATFORM_NAME", inv.instance.platform.defaultName());
    env.put("AWS_SSM_PLATFORM_VERSION", inv.instance.platform.defaultVersion());
    env.put("SSM_COMMAND_ID", inv.command.commandId);
    return env;
  }

  /** Maps the script's end to the agent's status, uploads output, then reports it. */
  private void report(Invocation inv, ScriptRunner.Result result, Publication logs) {
    if (result.outcome() == RunningScript.Outcome.CRASHED) {
      logs.abandon();
      synchronized (engine.lock) {
        inv.running = null; // gone: nothing left for a cancel to kill
      }
      return; // a dead agent reports nothing; the service expires the invocation
    }
    String[] urls = upload(inv, result);
    logs.finish(result.stdout(), result.stderr(), () -> reportStatus(inv, result, urls));
  }

  private void reportStatus(Invocation inv, ScriptRunner.Result result, String[] urls) {
    String[] status = AgentStatus.of(result.outcome(), result.exitCode());
    int code = AgentStatus.responseCode(result.outcome(), result.exitCode());
    synchronized (engine.lock) {
      if (inv.terminal()) {
        return; // the service already gave up on it (expired) or never started it (cancelled)
      }
      inv.stdout = Truncation.content(result.stdout(), Truncation.MAX_STDOUT);
      inv.stderr = Truncation.content(result.stderr(), Truncation.MAX_STDERR);
      inv.stdoutUrl = urls[0];
      inv.stderrUrl = urls[1];
      inv.finish(status[0], status[1], code, engine.clock.instant());
      inv.instance.lastPing = engine.clock.instant();
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
}
