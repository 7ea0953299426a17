package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.emulator.SsmEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI as a user runs it: a separate JVM, against an emulator on --endpoint-url. */
class CliProcessIT {
  private SsmEmulator emulator;
  private String instanceId;

  @BeforeEach
  void startEmulator() {
    emulator = SsmEmulator.builder().instances(1).visibilityDelay(Duration.ofMillis(50)).start();
    instanceId = emulator.instanceIds().get(0);
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  @Test
  void endpointUrl_credentialsFromEnvironment_runsAndPassesExitCodeThrough() throws Exception {
    Process cli = start("run", "-i", instanceId, "--", "echo via endpoint; exit 5");

    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(5);
    assertThat(read(cli.getInputStream().readAllBytes()))
        .isEqualTo(instanceId + ": via endpoint\n");
  }

  @Test
  void ctrlC_cancelsTheRemoteCommand_exits130_noProcessLeft() throws Exception {
    Process cli = start("run", "-i", instanceId, "--", "sleep 30");
    awaitExecutionStarted();

    new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(130);
    assertThat(read(cli.getErrorStream().readAllBytes())).contains("cancelling");
    assertThat(emulator.state().callCount("CancelCommand")).isGreaterThanOrEqualTo(1);
    assertThat(emulator.state().invocations()).containsEntry("Cancelled", 1);
    assertThat(processesUnder(emulator.instanceDirectory(instanceId))).isEmpty();
  }

  @Test
  void ctrlC_withLocal_cancels_exits130_leavesNoFolderOrProcess(@TempDir Path tmp)
      throws Exception {
    Process cli =
        PackagedCli.processBuilder(
                List.of("-Djava.io.tmpdir=" + tmp),
                "run",
                "--local",
                "--local-instances",
                "2",
                "--",
                "sleep 30")
            .start();
    awaitLocalScriptsRunning(tmp, 2);

    new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(130);
    assertThat(read(cli.getErrorStream().readAllBytes())).contains("2 cancelled by client");
    assertThat(processesUnder(tmp)).isEmpty();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  /** Polls the child's process table entries (not the clock), bounded so CI cannot hang. */
  private static void awaitLocalScriptsRunning(Path tmp, int count) throws InterruptedException {
    for (int i = 0; i < 600 && processesUnder(tmp).size() < count; i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(processesUnder(tmp)).hasSizeGreaterThanOrEqualTo(count);
  }

  private Process start(String... args) throws IOException {
    List<String> withEndpoint = new ArrayList<>(List.of(args).subList(0, 1));
    withEndpoint.addAll(
        List.of("--endpoint-url", emulator.endpoint().toString(), "--region", "us-east-1"));
    withEndpoint.addAll(List.of(args).subList(1, args.length));
    ProcessBuilder builder =
        PackagedCli.processBuilder(List.of(), withEndpoint.toArray(String[]::new));
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", emulator.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey());
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    return builder.start();
  }

  /** Polls the emulator (not the clock) until the script runs; bounded so a bug cannot hang CI. */
  private void awaitExecutionStarted() throws InterruptedException {
    for (int i = 0; i < 600 && emulator.state().executionCount(instanceId) == 0; i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(emulator.state().executionCount(instanceId)).isEqualTo(1);
    assertThat(processesUnder(emulator.instanceDirectory(instanceId))).isNotEmpty();
  }

  private static List<ProcessHandle> processesUnder(Path directory) {
    String marker = directory.toString() + File.separator;
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .toList();
  }

  private static String read(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
