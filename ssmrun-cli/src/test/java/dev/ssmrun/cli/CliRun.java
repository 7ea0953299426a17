package dev.ssmrun.cli;

import dev.ssmrun.cli.connect.Services;
import dev.ssmrun.cli.print.ByteWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine;

/** Runs the CLI in-process and captures its exit code and both output streams. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(Services services, String... args) {
    Running running = start(services, args);
    return running.await();
  }

  /** Runs the CLI in-process, its standard error going to {@code err}. */
  static CliRun of(Services services, StringWriter err, String... args) {
    return start(services, err, args).await();
  }

  /** What a CLI run in-process wrote, as bytes: for output that need not be UTF-8. */
  record Bytes(int exitCode, byte[] out, byte[] err) {}

  /** Runs the CLI in-process on byte streams, as {@code Main} sets them up. */
  static Bytes bytes(Services services, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cmd = SsmrunCommand.commandLine(services);
    cmd.setOut(ByteWriter.on(out));
    cmd.setErr(ByteWriter.on(err));
    int exitCode = cmd.execute(args);
    return new Bytes(exitCode, out.toByteArray(), err.toByteArray());
  }

  /** Starts the CLI on another thread; its streams can be read while it runs. */
  static Running start(Services services, String... args) {
    return start(services, new StringWriter(), args);
  }

  private static Running start(Services services, StringWriter err, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cmd = SsmrunCommand.commandLine(services);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                exit.complete(cmd.execute(args));
              } catch (Throwable t) {
                exit.completeExceptionally(t);
              }
            },
            "cli-under-test");
    thread.start();
    return new Running(out, err, exit);
  }

  /** A CLI still running: what it printed so far, and its exit code to come. */
  record Running(StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {
    /** Polls (not the clock) until standard output satisfies {@code condition}; bounded. */
    void awaitOut(Predicate<String> condition) throws InterruptedException {
      for (int i = 0; i < 600 && !condition.test(out.toString()) && !exit.isDone(); i++) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }

    /** Waits (at most two minutes) for the CLI to end. */
    CliRun await() {
      try {
        return new CliRun(exit.get(120, TimeUnit.SECONDS), out.toString(), err.toString());
      } catch (Exception e) {
        throw new AssertionError("the CLI did not end: " + err, e);
      }
    }
  }
}
