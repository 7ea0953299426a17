package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code ssmrun output} against an emulator started separately. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own emulator
class OutputIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgainstEndpoint emu = new AgainstEndpoint(2);

  @AfterEach
  void close() {
    emu.close();
  }

  private String one() {
    return emu.ids().get(0);
  }

  @Test
  void oneInstance_exactlyItsBytes_stdoutOrStderr() throws Exception {
    String id = emu.send("printf 'a b\\n\\nno newline'; printf 'e1\\ne2' >&2", false, one());
    SentCommands.awaitEnded(emu.emulator, id);

    CliRun stdout = emu.run("output", id);
    CliRun stderr = emu.run("output", id, "--stderr");

    assertThat(stdout.exitCode()).isZero();
    assertThat(stdout.out()).isEqualTo("a b\n\nno newline");
    assertThat(stdout.err()).isEmpty();
    assertThat(stderr.exitCode()).isZero();
    assertThat(stderr.out()).isEqualTo("e1\ne2");
  }

  @Test
  void severalInstances_prefixedLines_dashIPicksOneAsRawBytes() throws Exception {
    String id = emu.sendAndAwait("echo \"$AWS_SSM_INSTANCE_ID\"; echo two");
    List<String> ids = emu.ids();

    CliRun all = emu.run("output", id);
    CliRun picked = emu.run("output", id, "-i", ids.get(1));

    assertThat(all.exitCode()).isZero();
    assertThat(all.out().lines())
        .containsExactlyInAnyOrder(
            ids.get(0) + ": " + ids.get(0),
            ids.get(0) + ": two",
            ids.get(1) + ": " + ids.get(1),
            ids.get(1) + ": two");
    assertThat(picked.out()).isEqualTo(ids.get(1) + "\ntwo\n");
  }

  @Test
  void truncatedWithoutOutputBucket_printsWhatSsmKept_andSaysSoOnStderr() throws Exception {
    String id = emu.send("seq 1 20000", false, one());
    SentCommands.awaitEnded(emu.emulator, id);

    CliRun run = emu.run("output", id);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("1\n2\n3\n").hasSizeLessThan(24_100);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .isEqualTo(
            "ssmrun: "
                + one()
                + ": SSM kept only the first 24,000 characters of stdout and the command had no"
                + " output bucket, so the rest was not stored (send it with --output-s3-bucket to"
                + " keep all of it)");
  }

  @Test
  void truncatedWithOutputBucket_printsTheWholeOutputFromS3() throws Exception {
    try (var s3 = emu.emulator.newS3Client()) {
      s3.createBucket(b -> b.bucket("run-logs"));
    }
    CliRun sent =
        emu.run(
            "run", "--no-wait", "-i", one(), "--output-s3-bucket", "run-logs", "--", "seq 1 20000");
    assertThat(sent.exitCode()).as(sent.err()).isZero();
    String id = sent.out().strip();
    SentCommands.awaitEnded(emu.emulator, id);

    CliRun run = emu.run("output", id);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(20000).last().isEqualTo("20000");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void stillRunning_printsWhatFinished_saysToFollowOrWait_exit1() throws Exception {
    List<String> ids = emu.ids();
    String id =
        emu.send(
            "[ \"$AWS_SSM_INSTANCE_ID\" = " + ids.get(0) + " ] && { echo done; exit 0; }; sleep 30",
            false,
            ids.toArray(String[]::new));
    SentCommands.awaitExecutions(emu.emulator, ids.get(1), 1);
    awaitStatus(id, ids.get(0), "Success");

    CliRun run = emu.run("output", id);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(ids.get(0) + ": done\n");
    assertThat(run.err())
        .isEqualTo(
            "ssmrun: still running on "
                + ids.get(1)
                + ", so there is no output yet: 'ssmrun output "
                + id
                + " --follow' prints it as it comes, 'ssmrun wait "
                + id
                + "' waits for the end\n");
    SentCommands.cancel(emu.emulator, id);
  }

  @Test
  void jsonAndJsonLines_sameOutputs_asObjects() throws Exception {
    String id = emu.sendAndAwait("echo \"$AWS_SSM_INSTANCE_ID\"");

    CliRun json = emu.run("output", "-o", "json", id);
    CliRun lines = emu.run("output", "-o", "jsonl", id, "-i", one());

    JsonNode doc = JSON.readTree(json.out());
    assertThat(json.exitCode()).isZero();
    assertThat(doc.get("commandId").asText()).isEqualTo(id);
    assertThat(doc.get("stream").asText()).isEqualTo("stdout");
    assertThat(doc.get("outputs")).hasSize(2);
    for (JsonNode output : doc.get("outputs")) {
      assertThat(output.get("text").asText()).isEqualTo(output.get("instanceId").asText() + "\n");
      assertThat(output.get("truncated").asBoolean()).isFalse();
    }
    assertThat(doc.get("warnings")).isEmpty();
    JsonNode line = JSON.readTree(lines.out());
    assertThat(lines.out().lines()).hasSize(1);
    assertThat(line.get("type").asText()).isEqualTo("output");
    assertThat(line.get("instanceId").asText()).isEqualTo(one());
    assertThat(line.get("stream").asText()).isEqualTo("stdout");
    assertThat(line.get("text").asText()).isEqualTo(one() + "\n");
  }

  @Test
  void instanceNotInTheCommand_exit255_namesTheInstancesItHas() throws Exception {
    String id = emu.send("true", false, one());
    SentCommands.awaitEnded(emu.emulator, id);

    CliRun run = emu.run("output", id, "-i", emu.ids().get(1));

    assertThat(run.exitCode()).isEqualTo(255);
    assertThat(run.err())
        .isEqualTo(
            "ssmrun: error: SSM lists no invocation of "
                + id
                + " on "
                + emu.ids().get(1)
                + "; it has: "
                + one()
                + "\n");
  }

  @Test
  void follow_commandSentWithTheSdk_linesArriveBeforeItEnds_thenExactBytes() throws Exception {
    // The gate is a host file, so this instance runs its scripts on the host.
    emu.close();
    emu = new AgainstEndpoint(new EmulatorServices(2, "seed=1", EmulatorServices.SHARED_HOST));
    Path gate = emu.emulator.instanceDirectory(one()).resolve("gate");
    String id =
        emu.send(
            "echo one; while [ ! -e '" + gate + "' ]; do sleep 0.1; done; echo two; printf three",
            true,
            one());

    CliRun.Running cli = emu.start("output", id, "--follow");
    cli.awaitOut(out -> out.contains("one\n"));
    boolean sawFirstLineWhileRunning = cli.out().toString().equals("one\n");
    String statusMeanwhile = SentCommands.status(emu.emulator, id, one());
    Files.createFile(gate);
    CliRun run = cli.await();

    // The script could not end before the gate existed, and the gate came after the first line.
    assertThat(sawFirstLineWhileRunning).isTrue();
    assertThat(statusMeanwhile).isEqualTo("InProgress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("one\ntwo\nthree");
    assertThat(run.err()).isEmpty();
    assertThat(emu.emulator.state().callCount("CancelCommand")).isZero();
  }

  @Test
  void follow_commandWithoutCloudWatchOutput_warnsOnce_outputAtTheEnd() throws Exception {
    String id = emu.send("sleep 1; echo late", false, one());

    CliRun run = emu.run("output", id, "--follow");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("late\n");
    assertThat(run.err())
        .isEqualTo(
            "ssmrun: warning: no live output for "
                + id
                + ": it was sent without CloudWatch output; its output comes when it ends\n");
  }

  private void awaitStatus(String id, String instanceId, String status) throws Exception {
    for (int i = 0;
        i < 600 && !SentCommands.status(emu.emulator, id, instanceId).equals(status);
        i++) {
      Thread.sleep(50);
    }
  }
}
