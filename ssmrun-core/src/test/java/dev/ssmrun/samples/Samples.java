package dev.ssmrun.samples;

import dev.ssmrun.CommandFailedException;
import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.OutputSink;
import dev.ssmrun.ProgressListener;
import dev.ssmrun.RunHandle;
import dev.ssmrun.RunRequest;
import dev.ssmrun.ScriptInput;
import dev.ssmrun.SsmRunner;
import dev.ssmrun.StagingLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

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

  /** A runner that stages through S3 what does not fit in a SendCommand (and reads whole output). */
  public static SsmRunner stagingRunner(SsmClient ssm, S3Client s3, String bucket) {
    return SsmRunner.builder()
        .ssmClient(ssm)
        .s3Client(s3) // also signs the presigned URLs the instances use: they need no S3 rights
        .staging(StagingLocation.of(bucket, "ssmrun/"))
        .build();
  }

  /** A local script of any size and interpreter, with arguments; staged when it is large. */
  public static String largeScript(SsmRunner stagingRunner, String instanceId, Path script)
      throws IOException {
    CommandResult result =
        stagingRunner.run(
            RunRequest.builder()
                .addInstanceId(instanceId)
                .script(
                    Files.readString(script)) // e.g. a 200 KB installer, or #!/usr/bin/env python3
                .arguments("--env", "prod", "my app") // $1 $2 $3, quoted for you
                .build());
    return result.invocations().get(0).stdout();
  }

  /** Whole output, however long: in memory up to maxOutputBytes, all of it in files. */
  public static long wholeOutputToFiles(SsmRunner stagingRunner, String instanceId, Path dir)
      throws IOException {
    CommandResult result =
        stagingRunner.run(
            RunRequest.builder()
                .addInstanceId(instanceId)
                .script("seq 1 200000") // 1.3 MB: SSM alone keeps 24,000 characters
                .outputSink(OutputSink.files(dir)) // dir/<instance-id>.stdout, .stderr
                .build());
    InvocationResult only = result.invocations().get(0);
    System.out.println(only.stdoutTruncated() + " " + only.stdoutSize()); // false 1288895
    return Files.size(dir.resolve(instanceId + ".stdout"));
  }

  /** A Python script with a JSON input, returning a JSON result from every instance. */
  public static Map<String, Integer> pythonWithData(SsmRunner stagingRunner, List<String> ids) {
    String script =
        String.join(
            "\n",
            "#!/usr/bin/env python3",
            "import json, os",
            "job = json.load(open(os.environ['SSMRUN_INPUT']))",
            "result = {'count': len(job['files'])}",
            "json.dump(result, open(os.environ['SSMRUN_RESULT'], 'w'))");
    CommandResult result =
        stagingRunner.run(
            RunRequest.builder()
                .instanceIds(ids)
                .script(script)
                .input(ScriptInput.ofJson(Map.of("files", List.of("a.log", "b.log"))))
                .build());
    Map<String, Integer> counts = new TreeMap<>();
    for (InvocationResult i : result.invocations()) {
      JobResult parsed = i.result().orElseThrow().as(JobResult.class);
      counts.put(i.instanceId(), parsed.count);
    }
    return counts;
  }

  /** What {@code pythonWithData}'s script returns. */
  public static final class JobResult {
    /** How many files the job saw. */
    public int count;
  }

  /** A secret that never appears in SSM's command history (ListCommands). */
  public static String secret(SsmRunner stagingRunner, String instanceId, String token) {
    CommandResult result =
        stagingRunner.run(
            RunRequest.builder()
                .addInstanceId(instanceId)
                .script("echo \"a token of ${#TOKEN} characters\"")
                .putSecretEnvironment("TOKEN", token) // in the staged, encrypted setup only
                .build());
    return result.invocations().get(0).stdout();
  }
}
