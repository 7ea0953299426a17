package dev.ssmrun.cli;

import dev.ssmrun.AttachRequest;
import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputChunk;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunInterruptedException;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.cli.print.CliOutput;
import dev.ssmrun.cli.print.RunPrinter;
import dev.ssmrun.cli.print.RunSummary;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Watches one run to the end, printing each instance as soon as it finishes (and its output as it
 * arrives, when followed). The engine's listener only queues; this thread prints, so a slow
 * terminal or pipe never delays a poll. On Ctrl-C (JVM shutdown) a run it sent is cancelled: the
 * cancelled invocations and the summary are printed, {@code afterRun} is closed, and the JVM then
 * exits with 130. Commands it only attached to are left running: it says so, and the JVM exits.
 */
final class RunSession {
  /** How long Ctrl-C waits for the cancellation to be confirmed and printed. */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(20);

  /** How often the live status line is redrawn (its clock ticks) while nothing happens. */
  private static final long TICK_MILLIS = 1000;

  /** Queued once the run's future completes: the watching loop ends. */
  private static final Object DONE = new Object();

  /** What Ctrl-C does to the commands being watched. */
  private enum OnCtrlC {
    CANCEL,
    LEAVE_RUNNING
  }

  private final SsmRunner runner;
  private final RunPrinter printer;
  private final CliOutput output;
  private final String policy;
  private final AutoCloseable afterRun;

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final Set<String> printed = new HashSet<>();
  private final AtomicBoolean interrupted = new AtomicBoolean();

  /** {@code policy} names the failure policy in summaries; {@code afterRun} is closed at the end. */
  RunSession(
      SsmRunner runner,
      RunPrinter printer,
      CliOutput output,
      String policy,
      AutoCloseable afterRun) {
    this.runner = runner;
    this.printer = printer;
    this.output = output;
    this.policy = policy;
    this.afterRun = afterRun;
  }

  /** Sends {@code request} and watches it; Ctrl-C cancels what was sent. */
  RunSummary run(RunRequest request) {
    return watch(
        listener -> {
          RunHandle handle = runner.start(request, listener);
          printer.sent(handle.commandIds());
          return handle;
        },
        OnCtrlC.CANCEL);
  }

  /** Watches commands sent before, by anyone; Ctrl-C stops watching and leaves them running. */
  RunSummary attach(AttachRequest request) {
    return watch(listener -> runner.attach(request, listener), OnCtrlC.LEAVE_RUNNING);
  }

  private RunSummary watch(Function<ProgressListener, RunHandle> start, OnCtrlC onCtrlC) {
    AtomicReference<RunHandle> handleRef = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> onCtrlC(onCtrlC, handleRef, started, finished), "ssmrun-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    long startNanos = System.nanoTime();
    try {
      RunHandle handle;
      try {
        handle = start.apply(new Queueing());
        handleRef.set(handle);
      } finally {
        started.countDown();
      }
      CommandResult result = loop(handle, startNanos);
      result.invocations().forEach(this::printOnce); // in case one slipped past the listener
      int exitCode = interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.of(result);
      RunSummary summary =
          new RunSummary(result, exitCode, elapsedSince(startNanos), interrupted.get(), policy);
      printer.finished(summary);
      return summary;
    } finally {
      output.clearStatus();
      // Left running on Ctrl-C: closing the runner or its clients could cancel, so the JVM's exit
      // ends them instead.
      if (!(interrupted.get() && onCtrlC == OnCtrlC.LEAVE_RUNNING)) {
        closeQuietly(runner);
        closeQuietly(afterRun);
      }
      finished.countDown();
      removeHook(hook);
    }
  }

  private CommandResult loop(RunHandle handle, long startNanos) {
    // The future only wakes this loop; the result and any failure come from await() below.
    var unused = handle.future().whenComplete((result, error) -> events.add(DONE));
    Progress last = handle.progress();
    printer.progress(last, elapsedSince(startNanos));
    for (Object event = nextEvent(); event != DONE; event = nextEvent()) {
      if (event instanceof Progress progress) {
        last = progress;
      } else if (event != null) {
        print(event);
      }
      printer.progress(last, elapsedSince(startNanos));
    }
    for (Object event = events.poll(); event != null; event = events.poll()) {
      print(event);
    }
    return handle.await();
  }

  private void print(Object event) {
    if (event instanceof OutputChunk chunk) {
      printer.output(chunk);
    } else if (event instanceof InvocationResult invocation) {
      printOnce(invocation);
    } else if (event instanceof Warning warning) {
      printer.warning(warning.text());
    }
  }

  private Object nextEvent() {
    try {
      return events.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunInterruptedException("interrupted while waiting", e);
    }
  }

  private void printOnce(InvocationResult invocation) {
    if (printed.add(invocation.commandId() + "/" + invocation.instanceId())) {
      printer.invocation(invocation);
    }
  }

  private void onCtrlC(
      OnCtrlC onCtrlC,
      AtomicReference<RunHandle> handleRef,
      CountDownLatch started,
      CountDownLatch finished) {
    try {
      // Ctrl-C during the send: wait for it, so that what was sent is cancelled too.
      started.await(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      RunHandle handle = handleRef.get();
      if (handle == null || finished.getCount() == 0) {
        return;
      }
      interrupted.set(true);
      if (onCtrlC == OnCtrlC.LEAVE_RUNNING) {
        output.stopStatus();
        String ids = String.join(" ", handle.commandIds());
        output.errLine(
            "ssmrun: interrupted; the command goes on: 'ssmrun cancel "
                + ids
                + "' stops it, 'ssmrun wait "
                + ids
                + "' watches it again");
        return;
      }
      output.errLine("ssmrun: interrupted; cancelling the command...");
      handle.cancel();
      finished.await(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration elapsedSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      output.errLine("ssmrun: warning: " + e.getMessage());
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting (Ctrl-C): the hook is running and must stay.
    }
  }

  /** Hands the engine's news to the printing thread; never blocks the polling thread. */
  private final class Queueing implements ProgressListener {
    @Override
    public void onInvocationCompleted(InvocationResult invocation) {
      events.add(invocation);
    }

    @Override
    public void onOutput(OutputChunk chunk) {
      events.add(chunk);
    }

    @Override
    public void onProgress(Progress progress) {
      events.add(progress);
    }

    @Override
    public void onWarning(String warning) {
      events.add(new Warning(warning));
    }
  }

  /** A warning from the engine, queued like the rest. */
  private record Warning(String text) {}
}
