package dev.ssmrun.emulator.internal;

import dev.ssmrun.emulator.FaultSpec;
import dev.ssmrun.emulator.internal.agent.Agent;
import dev.ssmrun.emulator.internal.agent.RunningScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves invocations through the service's state machine: target resolution, MaxConcurrency (and its
 * ramp-up when configured), MaxErrors (Terminated), delivery timeouts, and cancellation.
 */
public final class Dispatcher {
  private final Engine engine;
  private final Agent agent;

  Dispatcher(Engine engine, Agent agent) {
    this.engine = engine;
    this.agent = agent;
  }

  /** Starts work on an accepted command; {@code targetResolver} runs later, as in the service. */
  public void submit(CommandRecord command, Runnable targetResolver) {
    engine.later(() -> expire(command), untilExpiry(command));
    if (command.usesTargets) {
      engine.workers.execute(
          () -> {
            targetResolver.run();
            dispatch(command);
          });
    } else {
      dispatch(command);
    }
  }

  /** Dispatches every command, e.g. after an instance came back online. */
  public void dispatchAll() {
    List<CommandRecord> all;
    synchronized (engine.lock) {
      all = new ArrayList<>(engine.commands.values());
    }
    all.forEach(this::dispatch);
  }

  /** Starts as many pending invocations as MaxConcurrency and MaxErrors allow. */
  void dispatch(CommandRecord command) {
    List<Invocation> toStart = new ArrayList<>();
    synchronized (engine.lock) {
      if (!command.targetsResolved() || command.cancelRequested || command.errorLimitHit) {
        return;
      }
      int limit = Limits.concurrency(command.maxConcurrency, command.targetCount());
      if (engine.settings.rampUp()) {
        limit = Math.min(limit, command.rampLimit);
      }
      long running =
          command.invocations.values().stream().filter(i -> i.started() && !i.terminal()).count();
      for (Invocation inv : command.invocations.values()) {
        if (running >= limit) {
          break;
        }
        if (!inv.started() && inv.status().equals("Pending") && inv.instance.reachable()) {
          if (engine.faults.draw(FaultSpec.Kind.OFFLINE, "SendCommand")) {
            loseContact(inv.instance, command);
            continue;
          }
          inv.start(engine.clock.instant());
          running++;
          toStart.add(inv);
        }
      }
    }
    // One task per invocation: spawning processes one after another would delay the last one.
    try {
      toStart.forEach(inv -> engine.workers.execute(() -> agent.deliver(inv)));
    } catch (RejectedExecutionException e) {
      // The emulator is closing; nothing more runs.
    }
  }

  /** Fault: the instance drops off until this command has expired, so nothing of it runs. */
  private void loseContact(Instance instance, CommandRecord command) {
    instance.online(false, engine.clock.instant());
    engine.later(() -> engine.setOnline(instance.id, true), untilExpiry(command).plusMillis(1));
  }

  /** Real time from now until the command's ExpiresAfter (TimeoutSeconds + executionTimeout). */
  private Duration untilExpiry(CommandRecord command) {
    Duration total =
        engine.settings.scaled((long) command.timeoutSeconds + command.executionTimeoutSeconds);
    Duration elapsed = Duration.between(command.requestedAt, engine.clock.instant());
    return elapsed.isNegative() || elapsed.compareTo(total) > 0 ? total : total.minus(elapsed);
  }

  /** Called by the agent once an invocation reached a terminal status. */
  public void finished(CommandRecord command) {
    synchronized (engine.lock) {
      command.rampLimit = Math.min(command.rampLimit * 2, 1 << 20); // ramp-up: 1, 2, 4, ...
      int allowed = Limits.errors(command.maxErrors, command.targetCount());
      if (!command.errorLimitHit && command.errorCount() > allowed) {
        command.errorLimitHit = true;
        for (Invocation inv : command.invocations.values()) {
          if (!inv.started() && !inv.terminal()) {
            inv.finish("Cancelled", "Terminated", -1, engine.clock.instant());
          }
        }
      }
    }
    dispatch(command);
  }

  /**
   * At ExpiresAfter (TimeoutSeconds + executionTimeout, the user guide's delivery timeout) the
   * service gives up on whatever is still Pending or InProgress: DeliveryTimedOut. A crashed agent
   * comes back afterwards.
   */
  private void expire(CommandRecord command) {
    synchronized (engine.lock) {
      for (Invocation inv : command.invocations.values()) {
        if (!inv.terminal()) {
          inv.finish("TimedOut", "DeliveryTimedOut", -1, engine.clock.instant());
          inv.instance.recover();
        }
      }
    }
    finished(command);
  }

  /**
   * CancelCommand: Cancelling at once. An invocation never handed to an agent becomes Cancelled
   * here; one the agent holds becomes Cancelled when the agent dropped it before the spawn or its
   * process group is gone.
   */
  public void cancel(CommandRecord command, Collection<Invocation> targets, boolean wholeCommand) {
    List<RunningScript> toKill = new ArrayList<>();
    List<Invocation> notDelivered = new ArrayList<>();
    synchronized (engine.lock) {
      if (wholeCommand) {
        command.cancelRequested = true;
      }
      for (Invocation inv : targets) {
        if (inv.terminal()) {
          continue;
        }
        inv.cancelling();
        if (inv.running() != null) {
          toKill.add(inv.running());
        } else if (!inv.started()) {
          notDelivered.add(inv);
        }
      }
    }
    engine.execute(
        () -> {
          toKill.forEach(running -> running.stop(RunningScript.Outcome.CANCELLED));
          synchronized (engine.lock) {
            notDelivered.stream()
                .filter(inv -> !inv.started() && !inv.terminal())
                .forEach(inv -> inv.finish("Cancelled", "Cancelled", -1, engine.clock.instant()));
          }
        });
  }
}
