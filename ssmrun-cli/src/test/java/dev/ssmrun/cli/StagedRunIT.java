package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmrun.emulator.RecordedCall;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code ssmrun run} with S3 staging against an emulator: large scripts, scripts with arguments,
 * input and results, secrets, whole output, and the refusals before anything is sent.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own emulator
class StagedRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Prints its arguments and $GREETING as JSON; with an input, writes a JSON result. */
  private static final String JOB_PY =
      """
      #!/usr/bin/env python3
      import json, os, sys
      print(json.dumps({"argv": sys.argv[1:], "greeting": os.environ.get("GREETING")}))
      if "SSMRUN_INPUT" in os.environ:
          with open(os.environ["SSMRUN_INPUT"]) as f:
              data = json.load(f)
          with open(os.environ["SSMRUN_RESULT"], "w") as f:
              f.write(json.dumps({"sum": sum(data["n"]), "id": os.environ["AWS_SSM_INSTANCE_ID"]}))
      """;

  private static final String ENV_NOTE = "--env values are stored in SSM's command history";

  @TempDir Path dir;

  private EmulatorServices services;

  @AfterEach
  void closeEmulator() {
    services.emulator.close();
  }

  @Test
  void local_100KbScript_runsStaged_andLeavesTheStagingBucketEmpty() throws Exception {
    services = new EmulatorServices(1);
    Path script = Files.writeString(dir.resolve("big.sh"), bigScript(100_000));
    StringWriter err = new BucketAtSummary(services, StageOptions.LOCAL_BUCKET);

    CliRun run = CliRun.of(services, err, "run", "--local", "-f", script.toString(), "--", "a b");

    String id = services.emulator.instanceIds().get(0);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(id + ": big script, 1 argument: a b\n");
    String sent = sendCommandBody();
    assertThat(sent.length()).isLessThan(20_000);
    assertThat(sent).contains("/" + StageOptions.LOCAL_BUCKET + "/").doesNotContain("xxxxxxxxxx");
    assertThat(((BucketAtSummary) err).keys()).as("objects left at the end").isEmpty();
  }

  @Test
  void pythonFileWithArguments_inline_theEnvNoteOnce() throws Exception {
    services = new EmulatorServices(1);

    CliRun run = onEndpoint(jobWithArguments());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertArgvAndGreeting(run.out());
    assertThat(sendCommandBody()).contains("json.dumps").doesNotContain("X-Amz-Signature");
    assertThat(run.err().split(ENV_NOTE, -1)).hasSize(2);
  }

  @Test
  void pythonFileWithArguments_staged_noEnvNote() throws Exception {
    services = new EmulatorServices(1);

    CliRun run =
        CliRun.of(services, concat(List.of("run", "--local", "--stage"), jobWithArguments()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertArgvAndGreeting(run.out());
    assertThat(sendCommandBody()).contains("X-Amz-Signature").doesNotContain("json.dumps", "hello");
    assertThat(run.err()).doesNotContain(ENV_NOTE);
  }

  @Test
  void input_resultInJson_andResultsDirByteForByte() throws Exception {
    services = new EmulatorServices(2);
    Path job = Files.writeString(dir.resolve("job.py"), JOB_PY);
    Path input = Files.writeString(dir.resolve("in.json"), "{\"n\": [1, 2, 3, 4]}");
    Path results = dir.resolve("results");

    CliRun run =
        CliRun.of(
            services,
            "run",
            "--local",
            "-o",
            "json",
            "-f",
            job.toString(),
            "--input",
            input.toString(),
            "--results-dir",
            results.toString());

    JsonNode json = JSON.readTree(run.out());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(json.get("invocations")).hasSize(2);
    for (JsonNode invocation : json.get("invocations")) {
      String id = invocation.get("instanceId").asText();
      assertThat(invocation.get("result").get("sum").asInt()).isEqualTo(10);
      assertThat(invocation.get("result").get("id").asText()).isEqualTo(id);
      assertThat(invocation.get("resultSource").asText()).isEqualTo("file");
      assertThat(Files.readAllBytes(results.resolve(id)))
          .isEqualTo(("{\"sum\": 10, \"id\": \"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }
    try (var files = Files.list(results)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void secretEnv_neverInTheCommandHistoryNorInAnyOutput_evenWithDebug() throws Exception {
    services = new EmulatorServices(1);
    String secret = "s3cr3t-V@lue";
    String fileSecret = "f1le-s3cr3t";
    Path secrets = Files.writeString(dir.resolve("prod.env"), "# db\nDB_PW='" + fileSecret + "'\n");
    try (S3Client s3 = services.emulator.newS3Client()) {
      s3.createBucket(b -> b.bucket("team-staging"));
    }
    List<CliRun> runs = new ArrayList<>();
    for (String format : List.of("text", "jsonl")) {
      runs.add(
          onEndpoint(
              "--staging-bucket",
              "team-staging",
              "--debug",
              "-o",
              format,
              "--secret-env",
              "TOKEN=" + secret,
              "--secret-env-file",
              secrets.toString(),
              "--",
              "echo token ${#TOKEN} pw ${#DB_PW}"));
    }

    for (CliRun run : runs) {
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("token " + secret.length() + " pw " + fileSecret.length());
      assertThat(run.err()).contains("ssmrun: debug: S3 PutObject");
      assertThat(run.out() + run.err()).doesNotContain(secret, fileSecret);
    }
    try (SsmClient ssm = services.emulator.newSsmClient();
        S3Client s3 = services.emulator.newS3Client()) {
      String history = ssm.listCommands(r -> {}).commands().toString();
      assertThat(ssm.listCommands(r -> {}).commands()).hasSize(2);
      assertThat(history).doesNotContain(secret, fileSecret, "TOKEN", "DB_PW");
      assertThat(s3.listObjectsV2(r -> r.bucket("team-staging")).contents()).isEmpty();
    }
    for (RecordedCall call : services.emulator.state().recordedCalls()) {
      assertThat(call.requestBody()).doesNotContain(secret, fileSecret);
    }
  }

  @Test
  void beforeSending_missingBucketAndTooLargeWithoutStaging_refused_nothingSent() throws Exception {
    services = new EmulatorServices(1);
    Path big = Files.writeString(dir.resolve("big.sh"), bigScript(100_000));

    CliRun missing = onEndpoint("--staging-bucket", "missing-bucket", "--", "true");
    CliRun tooLarge = onEndpoint("-f", big.toString());

    assertThat(missing.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(missing.err())
        .isEqualTo(
            "ssmrun: error: the staging bucket (--staging-bucket) 'missing-bucket' does not exist"
                + " (HeadBucket: 404 NoSuchBucket): create it in "
                + services.emulator.region()
                + ", or name another one; nothing was sent\n");
    assertThat(tooLarge.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooLarge.err())
        .startsWith("ssmrun: error: this run needs a staging bucket: the script")
        .contains("pass --staging-bucket BUCKET (or set SSMRUN_STAGING_BUCKET")
        .doesNotContain("SsmRunner", "RunRequest", "StagingLocation");
    assertThat(tooLarge.err().lines()).hasSize(1);
    assertThat(services.emulator.state().callCount("SendCommand")).isZero();
  }

  @Test
  void noWait_withStaging_saysTheObjectsStay_andTheyDo() {
    services = new EmulatorServices(1);
    try (S3Client s3 = services.emulator.newS3Client()) {
      s3.createBucket(b -> b.bucket("team-staging"));
    }

    CliRun run =
        onEndpoint("--staging-bucket", "team-staging", "--no-wait", "--stage", "--", "echo staged");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).matches("[0-9a-f-]{36}");
    assertThat(run.err())
        .isEqualTo(
            "ssmrun: note: with --no-wait nothing deletes what the run stages and its output"
                + " under s3://team-staging/ssmrun/; expire them with an S3 lifecycle rule on the"
                + " prefix\n");
    try (S3Client s3 = services.emulator.newS3Client()) {
      assertThat(s3.listObjectsV2(r -> r.bucket("team-staging")).contents()).isNotEmpty();
    }
  }

  @Test
  void local_stdoutOf100000Characters_printedWhole() {
    services = new EmulatorServices(1);

    CliRun run =
        CliRun.of(services, "run", "--local", "-q", "--", "head -c 100000 /dev/zero | tr '\\0' a");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("a".repeat(100_000));
    assertThat(run.err()).isEmpty();
  }

  /** {@code ssmrun run --endpoint-url EMULATOR -i ID REST...}, ID the emulator's first instance. */
  private CliRun onEndpoint(String... rest) {
    String[] args = concat(List.of("-i", services.emulator.instanceIds().get(0)), rest);
    return new AgainstEndpoint(services).run("run", args);
  }

  /** {@code -q --env GREETING=... -f job.py -- a 'b c' '$HOME'}. */
  private String[] jobWithArguments() throws Exception {
    Path job = Files.writeString(dir.resolve("job.py"), JOB_PY);
    return new String[] {
      "-q", "--env", "GREETING=hello $USER \"q\"", "-f", job.toString(), "--", "a", "b c", "$HOME"
    };
  }

  private static String[] concat(List<String> first, String... rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private static String bigScript(int size) {
    StringBuilder s = new StringBuilder("#!/bin/sh\n");
    while (s.length() < size) {
      s.append("# ").append("x".repeat(98)).append('\n');
    }
    return s.append("echo \"big script, $# argument: $1\"\n").toString();
  }

  private static void assertArgvAndGreeting(String out) throws Exception {
    JsonNode printed = JSON.readTree(out);
    assertThat(JSON.convertValue(printed.get("argv"), List.class))
        .containsExactly("a", "b c", "$HOME");
    assertThat(printed.get("greeting").asText()).isEqualTo("hello $USER \"q\"");
  }

  private String sendCommandBody() {
    return services.emulator.state().recordedCalls().stream()
        .filter(c -> c.operation().equals("SendCommand"))
        .map(RecordedCall::requestBody)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /**
   * Standard error that, when the summary line arrives (the run has ended, the CLI has not yet
   * closed the embedded emulator), lists what is left in {@code bucket}.
   */
  private static final class BucketAtSummary extends StringWriter {
    private final EmulatorServices services;
    private final String bucket;
    private final AtomicReference<List<String>> keys = new AtomicReference<>();

    BucketAtSummary(EmulatorServices services, String bucket) {
      this.services = services;
      this.bucket = bucket;
    }

    @Override
    public void write(String text, int off, int len) {
      super.write(text, off, len);
      if (keys.get() == null && toString().contains(" instance in ")) {
        try (S3Client s3 = services.emulator.newS3Client()) {
          keys.set(
              s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                  .map(S3Object::key)
                  .toList());
        }
      }
    }

    List<String> keys() {
      assertThat(keys.get()).as("the summary line was printed").isNotNull();
      return keys.get();
    }
  }
}
