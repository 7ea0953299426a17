package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * Runs one request to the end and prints it. On Ctrl-C (JVM shutdown) it cancels what it started,
 * lets the engine report the cancelled invocations, and the JVM then exits with 130.
 */
final class RunSession {
  /** How long Ctrl-C waits for the cancellation to be confirmed and printed. */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(20);

  private final CommandLine commandLine;
  private final SsmRunner runner;
  private final OutputFormat output;
  private final AutoCloseable afterRun;

  /** {@code afterRun} is closed once the result is printed, on Ctrl-C too. */
  RunSession(
      CommandLine commandLine, SsmRunner runner, OutputFormat output, AutoCloseable afterRun) {
    this.commandLine = commandLine;
    this.runner = runner;
    this.output = output;
    this.afterRun = afterRun;
  }

  int run(RunRequest request) {
    AtomicReference<RunHandle> handleRef = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> cancel(handleRef, started, finished), "ssmrun-cancel");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      RunHandle handle;
      try {
        handle = runner.start(request);
        handleRef.set(handle);
      } finally {
        started.countDown();
      }
      CommandResult result = handle.await();
      if (output == OutputFormat.JSON) {
        new JsonResultPrinter(commandLine.getOut()).print(result);
      } else {
        new ResultPrinter(commandLine.getOut(), commandLine.getErr()).print(result);
      }
      return ExitCodes.of(result);
    } finally {
      closeQuietly(afterRun);
      finished.countDown();
      removeHook(onCtrlC);
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
      commandLine.getErr().println("ssmrun: interrupted; cancelling the command...");
      commandLine.getErr().flush();
      handle.cancel();
      finished.await(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      commandLine.getErr().println("ssmrun: warning: " + e.getMessage());
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting (Ctrl-C): the hook is running and must stay.
    }
  }
}
