package dev.ssmrun.internal.staging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.StagingExitCodes;
import dev.ssmrun.emulator.SsmEmulator;
import dev.ssmrun.internal.aws.AwsS3Gateway;
import dev.ssmrun.internal.aws.S3Gateway;
import dev.ssmrun.internal.aws.S3Gateway.Body;
import dev.ssmrun.internal.aws.S3Gateway.Encryption;
import dev.ssmrun.internal.send.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sh bootstrap, run for real: {@code sh} on this machine with only the tools each test puts on
 * PATH (as the SSM agent runs scripts: no HOME, USER or SHELL), downloading through presigned URLs
 * that the SDK's presigner signs for the emulator's embedded S3.
 */
class BootstrapIT {
  private static final String BUCKET = "boot";
  private static final String INSTANCE = "i-0123456789abcdef0";
  private static final List<String> BASE =
      List.of("sh", "mktemp", "rm", "sleep", "setsid", "kill", "cat", "tee", "env", "perl");

  private static SsmEmulator emu;
  private static S3Client s3;
  private static AwsS3Gateway gateway;

  @TempDir Path tmp;
  private int objects;

  @BeforeAll
  static void start() {
    emu = SsmEmulator.builder().instances(0).start();
    s3 = emu.newS3Client();
    s3.createBucket(b -> b.bucket(BUCKET));
    gateway = new AwsS3Gateway(() -> s3);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    s3.close();
    emu.close();
  }

  @Test
  void curlAndSha256sum_runsTheScriptWithArgumentsAndEnvironmentExactly() throws Exception {
    String nasty = "a 'b' \"c\" $(id) `x` \\ \n* ?";
    Staged staged =
        stage(
            "printf '%s|' \"$#\" \"$1\" \"$2\" \"$GREETING\"; exit 7",
            Map.of("GREETING", nasty), List.of("one", nasty), null);

    Ran ran = run(staged.bootstrap, tools("curl", "sha256sum"));

    assertThat(ran.stderr).isEmpty();
    assertThat(ran.stdout).isEqualTo("2|one|" + nasty + "|" + nasty + "|");
    assertThat(ran.exit).isEqualTo(7);
    assertNoTemporaryFolderLeft();
  }

  @Test
  void wgetAndShasum_thenPythonAndOpenssl_fallBackInOrder() throws Exception {
    Staged staged = stage("echo ran", Map.of(), List.of(), null);

    Ran wget = run(staged.bootstrap, tools("wget", "shasum"));
    Ran python = run(staged.bootstrap, tools("python3", "openssl"));

    assertThat(wget.stdout).isEqualTo("ran\n");
    assertThat(wget.exit).isZero();
    assertThat(python.stdout).isEqualTo("ran\n");
    assertThat(python.exit).isZero();
    assertNoTemporaryFolderLeft();
  }

  @Test
  void opensslAndSha256sum_opensslChecks() throws Exception {
    Staged staged = stage("echo ran", Map.of(), List.of(), null);
    Path bin = tools("curl", "openssl");
    Files.writeString(bin.resolve("sha256sum"), "#!/bin/sh\necho wrong\n");
    Files.setPosixFilePermissions(
        bin.resolve("sha256sum"), PosixFilePermissions.fromString("rwx------"));

    Ran ran = run(staged.bootstrap, bin);

    assertThat(ran.stderr).isEmpty();
    assertThat(ran.stdout).isEqualTo("ran\n");
    assertThat(ran.exit).isZero();
  }

  @Test
  void pythonShebang_runsWithItsInterpreterArgumentsAndEnvironment() throws Exception {
    Staged staged =
        stage(
            "#!/usr/bin/env python3\nimport os, sys\nprint(sys.argv[1:], os.environ['X'])\n",
            Map.of("X", "1"),
            List.of("a b"),
            null);

    Ran ran = run(staged.bootstrap, tools("curl", "sha256sum", "python3"));

    assertThat(ran.stderr).isEmpty();
    assertThat(ran.stdout).isEqualTo("['a b'] 1\n");
  }

  @Test
  void scriptChangedAfterUpload_refusesWithItsExitCodeAndRunsNothing() throws Exception {
    Path marker = tmp.resolve("ran");
    Staged staged = stage("touch '" + marker + "'", Map.of(), List.of(), null);
    s3.putObject(b -> b.bucket(BUCKET).key(staged.scriptKey), RequestBody.fromString("echo evil"));

    Ran ran = run(staged.bootstrap, tools("curl", "sha256sum", "touch"));

    assertThat(ran.exit).isEqualTo(StagingExitCodes.CHECKSUM_MISMATCH);
    assertThat(ran.stderr)
        .isEqualTo(
            "ssmrun: the staged script does not match its SHA-256 (it changed after upload): not"
                + " running it\n");
    assertThat(ran.stdout).isEmpty();
    assertThat(marker).doesNotExist();
    assertNoTemporaryFolderLeft();
  }

  @Test
  void noDownloaderOrNoChecksumTool_refuseWithTheirExitCodes() throws Exception {
    Staged staged = stage("echo ran", Map.of(), List.of(), null);

    Ran noDownloader = run(staged.bootstrap, tools("sha256sum"));
    Ran noChecksum = run(staged.bootstrap, tools("curl"));

    assertThat(noDownloader.exit).isEqualTo(StagingExitCodes.DOWNLOAD_FAILED);
    assertThat(noDownloader.stderr)
        .isEqualTo("ssmrun: cannot download the staged payload: install curl, wget or python3\n");
    assertThat(noChecksum.exit).isEqualTo(StagingExitCodes.NO_CHECKSUM_TOOL);
    assertThat(noChecksum.stderr)
        .isEqualTo("ssmrun: cannot check SHA-256: install openssl, sha256sum or shasum\n");
    assertNoTemporaryFolderLeft();
  }

  @Test
  void setupGone_downloadFails() throws Exception {
    Staged staged = stage("echo ran", Map.of("X", "1"), List.of(), null);
    s3.deleteObject(b -> b.bucket(BUCKET).key(staged.setupKey));

    Ran ran = run(staged.bootstrap, tools("curl", "sha256sum"));

    assertThat(ran.exit).isEqualTo(StagingExitCodes.DOWNLOAD_FAILED);
    assertThat(ran.stderr).contains("ssmrun: could not download the staged setup");
  }

  @Test
  void scriptGone_withOrWithoutSetup_downloadFailsWithItsOneLineAndNothingRuns() throws Exception {
    Path marker = tmp.resolve("ran-without-script");
    for (Map<String, String> env : List.of(Map.of("X", "1"), Map.<String, String>of())) {
      Staged staged = stage("touch '" + marker + "'", env, List.of(), null);
      assertThat(staged.setupKey == null).isEqualTo(env.isEmpty());
      s3.deleteObject(b -> b.bucket(BUCKET).key(staged.scriptKey));

      Ran ran = run(staged.bootstrap, tools("curl", "sha256sum", "touch"));

      assertThat(ran.exit).isEqualTo(StagingExitCodes.DOWNLOAD_FAILED);
      assertThat(ran.stderr)
          .startsWith("curl: ")
          .endsWith(
              "ssmrun: could not download the staged script (URL expired, or S3 unreachable)\n");
      assertThat(ran.stdout).isEmpty();
      assertThat(marker).doesNotExist();
      assertNoTemporaryFolderLeft();
    }
  }

  @Test
  void inputAndResult_withEachUploader_bytesExact() throws Exception {
    byte[] input = new byte[] {0, 1, (byte) 0xff, '\n', 'x'};
    for (String uploader : List.of("curl", "wget", "python3")) {
      String resultKey = "results/" + uploader + "/" + INSTANCE;
      Staged staged =
          stage(
              "cat \"$SSMRUN_INPUT\" \"$SSMRUN_INPUT\" > \"$SSMRUN_RESULT\"",
              Map.of(),
              List.of(),
              new Data(input, Map.of(INSTANCE, resultKey)));

      Ran ran = run(staged.bootstrap, tools(uploader, "sha256sum"));

      assertThat(ran.stderr).as(uploader).isEmpty();
      assertThat(ran.exit).as(uploader).isZero();
      byte[] twice = new byte[input.length * 2];
      System.arraycopy(input, 0, twice, 0, input.length);
      System.arraycopy(input, 0, twice, input.length, input.length);
      assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(resultKey)).asByteArray())
          .as(uploader)
          .isEqualTo(twice);
    }
    assertNoTemporaryFolderLeft();
  }

  @Test
  void instanceWithoutResultUrl_refusesBeforeRunning() throws Exception {
    Path marker = tmp.resolve("ran");
    Staged staged =
        stage(
            "touch '" + marker + "'",
            Map.of(),
            List.of(),
            new Data(null, Map.of("i-00000000000000000", "results/other")));

    Ran ran = run(staged.bootstrap, tools("curl", "sha256sum", "touch"));

    assertThat(ran.exit).isEqualTo(StagingExitCodes.NOT_PREPARED);
    assertThat(ran.stderr).contains("no result URL for instance " + INSTANCE);
    assertThat(marker).doesNotExist();
  }

  @Test
  void resultUploadFails_aSucceedingScriptExits93AFailingOneKeepsItsCode() throws Exception {
    Data noBucket = new Data(null, Map.of(INSTANCE, "results/x"), "no-such-bucket");
    Staged ok = stage("echo r > \"$SSMRUN_RESULT\"", Map.of(), List.of(), noBucket);
    Staged failing = stage("echo r > \"$SSMRUN_RESULT\"; exit 4", Map.of(), List.of(), noBucket);

    Ran okRan = run(ok.bootstrap, tools("curl", "sha256sum"));
    Ran failingRan = run(failing.bootstrap, tools("curl", "sha256sum"));

    assertThat(okRan.exit).isEqualTo(StagingExitCodes.RESULT_UPLOAD_FAILED);
    assertThat(okRan.stderr)
        .endsWith("ssmrun: could not upload the result (URL expired, or S3 unreachable)\n");
    assertThat(failingRan.exit).isEqualTo(4);
    assertThat(failingRan.stderr).contains("ssmrun: could not upload the result");
  }

  @Test
  void killed_temporaryFolderRemovedAfterHupIntTermAndKill() throws Exception {
    for (String signal : List.of("HUP", "INT", "TERM", "KILL")) {
      Path started = tmp.resolve("started-" + signal);
      Staged staged = stage("touch '" + started + "'; sleep 30", Map.of(), List.of(), null);
      Process p = start(staged.bootstrap, tools("curl", "sha256sum", "touch"), true);
      awaitTrue(() -> Files.exists(started));
      assertThat(temporaryFolders()).hasSize(1);

      new ProcessBuilder("kill", "-" + signal, "--", "-" + p.pid()).start().waitFor();

      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      awaitTrue(() -> temporaryFolders().isEmpty());
    }
  }

  // --- helpers ---

  private record Staged(String bootstrap, String setupKey, String scriptKey) {}

  @SuppressWarnings("ArrayRecordComponent") // Test data, never compared.
  private record Data(byte[] input, Map<String, String> resultKeys, String resultBucket) {
    Data(byte[] input, Map<String, String> resultKeys) {
      this(input, resultKeys, BUCKET);
    }
  }

  private record Ran(int exit, String stdout, String stderr) {}

  private Staged stage(String script, Map<String, String> env, List<String> args, Data data) {
    Duration life = Duration.ofMinutes(10);
    String scriptKey = "o" + objects++ + "/script";
    StagedObject scriptObject = put(scriptKey, script.getBytes(StandardCharsets.UTF_8), life);
    StagedObject input = null;
    Map<String, String> results = null;
    Map<String, String> headers = null;
    if (data != null) {
      if (data.input != null) {
        input = put("o" + objects++ + "/input", data.input, life);
      }
      results = new LinkedHashMap<>();
      for (var e : data.resultKeys.entrySet()) {
        S3Gateway.Presigned put =
            gateway.presignPut(data.resultBucket, e.getValue(), life, Encryption.SSE_S3);
        results.put(e.getKey(), put.url());
        headers = put.headers();
      }
    }
    Setup setup = new Setup(scriptObject, input, env, args, results);
    if (setup.onlyScript()) { // as the stager does: no setup to upload
      return new Staged(ShellBootstrap.bootstrap(null, scriptObject, null), null, scriptKey);
    }
    String setupKey = "o" + objects++ + "/setup";
    byte[] setupBytes = ShellBootstrap.setup(setup).getBytes(StandardCharsets.UTF_8);
    StagedObject setupObject = put(setupKey, setupBytes, life);
    return new Staged(
        ShellBootstrap.bootstrap(setupObject, scriptObject, headers), setupKey, scriptKey);
  }

  private StagedObject put(String key, byte[] bytes, Duration life) {
    gateway.put(BUCKET, key, Body.of(bytes), Encryption.SSE_S3);
    return new StagedObject(gateway.presignGet(BUCKET, key, life), Sha256.of(bytes));
  }

  /** A PATH folder with the base tools and {@code extra}, each a link to the system's. */
  private Path tools(String... extra) throws IOException {
    Path bin = Files.createTempDirectory(tmp, "bin");
    List<String> all = new ArrayList<>(BASE);
    all.addAll(List.of(extra));
    for (String tool : all) {
      Path real = Path.of("/usr/bin", tool);
      if (Files.exists(real)) {
        Files.createSymbolicLink(bin.resolve(tool), real);
      }
    }
    return bin;
  }

  private Ran run(String bootstrap, Path bin) throws Exception {
    Process p = start(bootstrap, bin, false);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Ran(p.exitValue(), out, err);
  }

  /** Runs the bootstrap as the agent does ({@code sh -c}), optionally as a process group leader. */
  private Process start(String bootstrap, Path bin, boolean ownGroup) throws IOException {
    Path script = tmp.resolve("_script" + objects++ + ".sh");
    Files.writeString(script, bootstrap);
    List<String> command = new ArrayList<>();
    if (ownGroup) {
      command.add("/usr/bin/setsid");
    }
    command.addAll(List.of("/bin/sh", "-c", "/bin/sh " + script));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    if (ownGroup) {
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    pb.environment().clear();
    pb.environment().put("PATH", bin.toString());
    pb.environment().put("TMPDIR", temporary().toString());
    pb.environment().put("AWS_SSM_INSTANCE_ID", INSTANCE);
    return pb.start();
  }

  private Path temporary() throws IOException {
    return Files.createDirectories(tmp.resolve("t"));
  }

  private List<Path> temporaryFolders() {
    try (Stream<Path> s = Files.list(temporary())) {
      return s.toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void assertNoTemporaryFolderLeft() {
    assertThat(temporaryFolders()).isEmpty();
  }

  /** Polls {@code condition} for up to 20 s: processes on a loaded machine take their time. */
  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }
}
