package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Progress;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one request to the end, printing each instance as soon as it finishes. The engine's
 * listener only queues; this thread prints, so a slow terminal or pipe never delays a poll. On
 * Ctrl-C (JVM shutdown) it cancels what it started, prints the cancelled invocations and the
 * summary, closes {@code afterRun}, and the JVM then exits with 130.
 */
final class RunSession {
  /** How long Ctrl-C waits for the cancellation to be confirmed and printed. */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(20);

  /** How often the live status line is redrawn (its clock ticks) while nothing happens. */
  private static final long TICK_MILLIS = 1000;

  private final SsmRunner runner;
  private final RunPrinter printer;
  private final CliOutput output;
  private final String policy;
  private final AutoCloseable afterRun;

  /** Queued once the run's future completes: the watching loop ends. */
  private static final Object DONE = new Object();

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final Set<String> printed = new HashSet<>();
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private boolean readsS3;

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

  int run(RunRequest request) {
    readsS3 = request.output().s3Bucket().isPresent();
    AtomicReference<RunHandle> handleRef = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> cancel(handleRef, started, finished), "ssmrun-cancel");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    long start = System.nanoTime();
    try {
      RunHandle handle;
      try {
        handle = runner.start(request);
        handleRef.set(handle);
      } finally {
        started.countDown();
      }
      handle.addListener(new Queueing());
      printer.sent(handle.commandIds());
      CommandResult result = watch(handle, start);
      // An instance that finished before the listener was added is printed now.
      result.invocations().forEach(this::printOnce);
      int exitCode = interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.of(result);
      printer.finished(
          new RunSummary(result, exitCode, elapsedSince(start), interrupted.get(), policy));
      return exitCode;
    } finally {
      output.clearStatus();
      closeQuietly(runner);
      closeQuietly(afterRun);
      finished.countDown();
      removeHook(onCtrlC);
    }
  }

  private CommandResult watch(RunHandle handle, long start) {
    // The future only wakes this loop; the result and any failure come from await() below.
    var unused = handle.future().whenComplete((result, error) -> events.add(DONE));
    Progress last = handle.progress();
    printer.progress(last, elapsedSince(start));
    for (Object event = nextEvent(); event != DONE; event = nextEvent()) {
      if (event instanceof InvocationResult invocation) {
        printOnceResolved(invocation);
      } else if (event instanceof Progress progress) {
        last = progress;
      } else if (event instanceof Warning warning) {
        printer.warning(warning.text());
      }
      printer.progress(last, elapsedSince(start));
    }
    for (Object event : events) {
      if (event instanceof InvocationResult invocation) {
        printOnceResolved(invocation);
      }
    }
    return handle.await();
  }

  private Object nextEvent() {
    try {
      return events.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.ssmrun.RunInterruptedException("interrupted while waiting", e);
    }
  }

  /**
   * The listener hears of an instance before its full output was read from S3; a truncated one
   * with an output bucket is printed from the final result instead.
   */
  private void printOnceResolved(InvocationResult invocation) {
    boolean truncated = invocation.stdoutTruncated() || invocation.stderrTruncated();
    if (!(truncated && readsS3)) {
      printOnce(invocation);
    }
  }

  private void printOnce(InvocationResult invocation) {
    if (printed.add(invocation.commandId() + "/" + invocation.instanceId())) {
      printer.invocation(invocation);
    }
  }

  private void cancel(
      AtomicReference<RunHandle> handleRef, CountDownLatch started, CountDownLatch finished) {
    try {
      // Ctrl-C during the send: wait for it, so that what was sent is cancelled too.
      started.await(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      RunHandle handle = handleRef.get();
      if (handle == null || finished.getCount() == 0) {
        return;
      }
      interrupted.set(true);
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
