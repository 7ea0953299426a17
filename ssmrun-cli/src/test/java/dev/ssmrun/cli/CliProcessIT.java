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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The packaged CLI as a user runs it: a separate JVM, against an emulator on --endpoint-url. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own emulator and CLI process
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
  void endpointUrl_credentialsFromEnvironment_runsAndPassesExitCodeThrough_noStatusLineInPipes()
      throws Exception {
    PackagedCli.Result r =
        PackagedCli.run(cli("run", "-i", instanceId, "--", "echo via endpoint; exit 5"));

    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.outText()).isEqualTo(instanceId + ": via endpoint\n");
    assertThat(r.errText()).startsWith("ssmrun: " + instanceId + " Failed exit=5 ");
    // Standard error is a pipe here: no status line (it is drawn at once on a terminal), no colour.
    assertThat(r.errText()).doesNotContain("\r", "\033", " pending (", " running (");
  }

  @Test
  void awsCliEnvironment_serviceEndpointAndDefaultRegion_noFlagsNeeded() throws Exception {
    ProcessBuilder builder =
        PackagedCli.processBuilder(List.of(), "run", "-i", instanceId, "--", "echo env");
    credentials(builder.environment());
    builder.environment().put("AWS_ENDPOINT_URL_SSM", emulator.endpoint().toString());
    builder.environment().put("AWS_DEFAULT_REGION", emulator.region());

    PackagedCli.Result r = PackagedCli.run(builder);

    assertThat(r.exitCode()).as(r.errText()).isZero();
    assertThat(r.outText()).isEqualTo(instanceId + ": env\n");
  }

  @Test
  void awkwardQuoting_argvWords_arriveByteExact() throws Exception {
    List<String> words =
        List.of(
            "a b",
            "\"double\" 'single'",
            "$HOME ${X} $(id)",
            "`uname`",
            "line1\nline2",
            "ünïcødé ✓ 日本",
            "",
            "-n",
            "*");
    List<String> args =
        new ArrayList<>(List.of("run", "-q", "-i", instanceId, "--", "printf", "[%s]\\n"));
    args.addAll(words);

    PackagedCli.Result r = PackagedCli.run(cli(args.toArray(String[]::new)));

    String expected = words.stream().map(w -> "[" + w + "]\n").collect(Collectors.joining());
    assertThat(r.exitCode()).as(r.errText()).isZero();
    assertThat(r.out()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void awkwardQuoting_oneScriptArgument_runsAsWritten() throws Exception {
    String script = "x='it''s \"q\" `not run` $none'; printf '%s|' \"$x\" ünï; printf '\\n'";

    PackagedCli.Result r = PackagedCli.run(cli("run", "-q", "-i", instanceId, "--", script));

    assertThat(r.exitCode()).as(r.errText()).isZero();
    assertThat(r.outText()).isEqualTo("its \"q\" `not run` $none|ünï|\n");
  }

  @Test
  void unreachableEndpoint_exit255_oneLineInCliWords() throws Exception {
    ProcessBuilder builder =
        PackagedCli.processBuilder(
            List.of(), runArgs("http://127.0.0.1:1", "-i", instanceId, "--", "true"));
    credentials(builder.environment());
    builder.environment().put("AWS_MAX_ATTEMPTS", "1");

    PackagedCli.Result r = PackagedCli.run(builder);

    assertThat(r.exitCode()).isEqualTo(255);
    assertThat(r.errText())
        .isEqualTo(
            "ssmrun: error: cannot reach http://127.0.0.1:1 (connection refused); check"
                + " --endpoint-url, AWS_ENDPOINT_URL, --region and the network\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void wrongSecret_accessDenied_exit255_jsonErrorOnStdout() throws Exception {
    ProcessBuilder builder = cli("run", "-o", "json", "-i", instanceId, "--", "true");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "not-the-secret");

    PackagedCli.Result r = PackagedCli.run(builder);

    assertThat(r.exitCode()).isEqualTo(255);
    assertThat(r.errText())
        .startsWith("ssmrun: error: SSM denied the request: ")
        .doesNotContain("Exception:", "Request ID", "Attempt");
    assertThat(r.outText()).contains("\"error\" : \"access_denied\"", "\"exitCode\" : 255");
    assertThat(emulator.state().callCount("SendCommand")).isZero();
  }

  @Test
  void noCredentials_exit255_saysWhatToSet() throws Exception {
    ProcessBuilder builder = cli("run", "-i", instanceId, "--", "true");
    builder.environment().remove("AWS_ACCESS_KEY_ID");
    builder.environment().remove("AWS_SECRET_ACCESS_KEY");

    PackagedCli.Result r = PackagedCli.run(builder);

    assertThat(r.exitCode()).isEqualTo(255);
    assertThat(r.errText()).contains("no AWS credentials found", "AWS_ACCESS_KEY_ID", "--profile");
    assertThat(r.errText().lines()).hasSize(1);
  }

  @Test
  void terminal_liveStatusLineAndColours_redrawnInPlace() throws Exception {
    PackagedCli.Result r = PackagedCli.run(underPseudoTerminal(Map.of(), "sleep 0.5; echo done"));

    String screen = r.outText();
    assertThat(r.exitCode()).as(screen).isZero();
    assertThat(screen)
        .contains("\r\033[Kssmrun: ", "\033[32m")
        .containsPattern("\\d (pending|running) \\(");
    assertThat(screen).contains(instanceId).contains("done");
  }

  @Test
  void terminal_noColorVariable_statusLineButNoColours() throws Exception {
    PackagedCli.Result r = PackagedCli.run(underPseudoTerminal(Map.of("NO_COLOR", "1"), "true"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.outText())
        .containsPattern("\\d (pending|running) \\(")
        .doesNotContain("\033[3", "\033[2m");
  }

  @Test
  void ctrlC_cancelsTheRemoteCommand_exits130_noProcessLeft() throws Exception {
    Process cli = cli("run", "-i", instanceId, "--", "sleep 30").start();
    awaitExecutionStarted();

    new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(130);
    assertThat(read(cli.getErrorStream().readAllBytes()))
        .contains("cancelling", "interrupted, what still ran was cancelled; exit 130");
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
    assertThat(read(cli.getErrorStream().readAllBytes())).contains("2 cancelled by ssmrun");
    assertThat(processesUnder(tmp)).isEmpty();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void ctrlC_duringWait_stopsWaiting_exits130_theCommandRunsOn() throws Exception {
    String id = SentCommands.send(emulator, "sleep 30", false, List.of(instanceId));
    awaitExecutionStarted();
    Process cli = cli("wait", id).start();
    awaitOpen(cli);

    new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(130);
    assertThat(read(cli.getErrorStream().readAllBytes()))
        .contains(
            "ssmrun: interrupted; the command goes on: 'ssmrun cancel "
                + id
                + "' stops it, 'ssmrun wait "
                + id
                + "' watches it again");
    assertThat(emulator.state().callCount("CancelCommand")).isZero();
    assertThat(SentCommands.status(emulator, id, instanceId)).isEqualTo("InProgress");
    assertThat(processesUnder(emulator.instanceDirectory(instanceId))).isNotEmpty();
    SentCommands.cancel(emulator, id);
  }

  @Test
  void terminal_follow_linesNeverLandInsideTheStatusLine() throws Exception {
    PackagedCli.Result r =
        PackagedCli.run(
            underPseudoTerminal(Map.of(), "-F", "echo one; sleep 1.5; echo two; sleep 1.5"));

    String screen = r.outText();
    assertThat(r.exitCode()).as(screen).isZero();
    assertThat(screen).contains("\r\033[Kssmrun: ").containsPattern("\\d running \\(");
    for (String line : List.of("one", "two")) {
      // Each followed line starts a line: right after the status line was erased, or a newline.
      assertThat(screen)
          .containsPattern("(\\033\\[K|\\n)\\S*" + instanceId + ":\\S* " + line + "\r?\n");
      assertThat(screen.split(instanceId + ":\\S* " + line, -1)).hasSize(2); // once
    }
  }

  /** The CLI under {@code script(1)}: its streams are a pseudo-terminal, captured as stdout. */
  private ProcessBuilder underPseudoTerminal(Map<String, String> env, String remoteScript)
      throws IOException {
    return underPseudoTerminal(env, null, remoteScript);
  }

  /** {@code option} (may be null) goes before the script. */
  private ProcessBuilder underPseudoTerminal(
      Map<String, String> env, String option, String remoteScript) throws IOException {
    List<String> command = new ArrayList<>(PackagedCli.javaCommand(List.of()));
    List<String> rest = new ArrayList<>(List.of("-i", instanceId));
    if (option != null) {
      rest.add(option);
    }
    rest.addAll(List.of("--", remoteScript));
    command.addAll(List.of(runArgs(emulator.endpoint().toString(), rest.toArray(String[]::new))));
    String line = command.stream().map(CliProcessIT::shellQuote).collect(Collectors.joining(" "));
    ProcessBuilder builder = new ProcessBuilder("script", "-qfec", line, "/dev/null");
    credentials(builder.environment());
    builder.environment().put("TERM", "xterm");
    builder.environment().putAll(env);
    return builder;
  }

  private static String shellQuote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Polls the child's process table entries (not the clock), bounded so CI cannot hang. */
  private static void awaitLocalScriptsRunning(Path tmp, int count) throws InterruptedException {
    for (int i = 0; i < 600 && processesUnder(tmp).size() < count; i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(processesUnder(tmp)).hasSizeGreaterThanOrEqualTo(count);
  }

  /** {@code ssmrun COMMAND --endpoint-url EMULATOR --region ... ARGS} with the emulator's keys. */
  private ProcessBuilder cli(String... args) throws IOException {
    List<String> withEndpoint = new ArrayList<>(List.of(args).subList(0, 1));
    withEndpoint.addAll(
        List.of("--endpoint-url", emulator.endpoint().toString(), "--region", "us-east-1"));
    withEndpoint.addAll(List.of(args).subList(1, args.length));
    ProcessBuilder builder =
        PackagedCli.processBuilder(List.of(), withEndpoint.toArray(String[]::new));
    credentials(builder.environment());
    return builder;
  }

  /** {@code run --endpoint-url ENDPOINT --region us-east-1 REST}. */
  private static String[] runArgs(String endpoint, String... rest) {
    List<String> args =
        new ArrayList<>(List.of("run", "--endpoint-url", endpoint, "--region", "us-east-1"));
    args.addAll(List.of(rest));
    return args.toArray(String[]::new);
  }

  private void credentials(Map<String, String> env) {
    hermetic(env);
    env.put("AWS_ACCESS_KEY_ID", emulator.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey());
  }

  /** No AWS setting of this machine leaks in; argv decodes as UTF-8. */
  static void hermetic(Map<String, String> env) {
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("NO_COLOR"));
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("LC_ALL", "C.UTF-8");
  }

  /** Polls (bounded) until the CLI process has an open connection to the emulator's endpoint. */
  private void awaitOpen(Process cli) throws InterruptedException {
    // ListCommands is the attach's first call: once the emulator saw one, the CLI is waiting.
    for (int i = 0;
        i < 600 && emulator.state().callCount("ListCommands") == 0 && cli.isAlive();
        i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(emulator.state().callCount("ListCommands")).isPositive();
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
