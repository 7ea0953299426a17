package dev.ssmrun.samples;

import dev.ssmrun.CommandFailedException;
import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.SsmRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One short example per main use of ssmrun-core. {@code SamplesIT} runs each against the
 * emulator, so they keep compiling and working.
 */
public final class Samples {
  private Samples() {}

  /** Run a script on one instance; a non-zero exit is a result, not an exception. */
  public static int runOnce(SsmRunner runner, String instanceId) {
    CommandResult result =
        runner.run(
            RunRequest.builder()
                .addInstanceId(instanceId)
                .script("echo hello from $(hostname); exit 3")
                .build());
    InvocationResult invocation = result.invocations().get(0);
    System.out.print(invocation.stdout());
    return invocation.exitCode(); // 3
  }

  /** Run a program with arguments and environment; every value is quoted for you. */
  public static String argvAndEnvironment(SsmRunner runner, String instanceId) {
    CommandResult result =
        runner.run(
            RunRequest.builder()
                .addInstanceId(instanceId)
                .command("printf", "%s and %s", "it's", "$GREETING") // "$GREETING" stays literal
                .putEnvironment("GREETING", "hi; rm -rf /") // exported, quoted: harmless
                .workingDirectory("/tmp")
                .build());
    return result.invocations().get(0).stdout(); // it's and $GREETING
  }

  /** A whole tier by tag; one failure in ten is acceptable; stop early if it gets worse. */
  public static boolean rollingRestart(SsmRunner runner) {
    CommandResult result =
        runner.run(
            RunRequest.builder()
                .addTarget("Role", List.of("web"))
                .scriptLines(
                    List.of(
                        "cd /tmp",
                        "test -w .", // strict mode: if this fails, the script stops here
                        "echo restarted"))
                .executionTimeout(Duration.ofMinutes(5))
                .failurePolicy(FailurePolicy.fraction(0.1))
                .failFast(true)
                .maxConcurrency("25%")
                .build());
    System.out.println(result.countsByOutcome());
    return result.isSuccessful();
  }

  /** Throw with a readable message (instance, status, exit code, stderr tail) on failure. */
  public static String requireSuccess(SsmRunner runner, List<String> instanceIds) {
    try {
      runner
          .run(
              RunRequest.builder()
                  .instanceIds(instanceIds)
                  .script("echo 'disk full' >&2; exit 28")
                  .build())
          .requireSuccess();
      return "succeeded";
    } catch (CommandFailedException e) {
      return e.getMessage();
    }
  }

  /** Start in the background, watch progress, and give up after a client deadline. */
  public static CommandResult watchAndCancel(SsmRunner runner, List<String> instanceIds) {
    RunHandle handle =
        runner.start(
            RunRequest.builder()
                .instanceIds(instanceIds)
                .script("sleep 60")
                .waitTimeout(Duration.ofMinutes(10))
                .build());
    handle.addListener(
        new ProgressListener() {
          @Override
          public void onInvocationCompleted(InvocationResult invocation) {
            System.out.println(invocation.instanceId() + ": " + invocation.outcome());
          }
        });
    handle.cancel(); // e.g. from a shutdown hook on Ctrl-C
    return handle.await(); // outcomes are CANCELLED_BY_CLIENT
  }

  /** Many runs at once without a thread per run. */
  public static List<CommandResult> manyAtOnce(SsmRunner runner, List<String> instanceIds) {
    List<CompletableFuture<CommandResult>> futures =
        instanceIds.stream()
            .map(
                id ->
                    runner.runAsync(
                        RunRequest.builder().addInstanceId(id).script("uptime").build()))
            .toList();
    return futures.stream().map(CompletableFuture::join).toList();
  }
}
