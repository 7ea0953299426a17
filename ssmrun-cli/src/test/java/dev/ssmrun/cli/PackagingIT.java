package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator ships in the CLI jar (CHANGELOG, "Packaging") because a command that does not use
 * {@code --local} never loads it: only disk pays for it.
 */
class PackagingIT {
  private static final List<String> EMULATOR_PACKAGES =
      List.of("dev.ssmrun.emulator", "org.gaul", "org.eclipse.jetty", "org.jclouds");

  @Test
  void runAgainstAnEndpoint_loadsNoClassOfTheEmulatorOrS3Proxy(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.txt");
    ProcessBuilder cli =
        PackagedCli.processBuilder(
            List.of("-Xshare:off", "-Xlog:class+load=info:file=" + log),
            "run",
            "--endpoint-url",
            "http://127.0.0.1:1",
            "--region",
            "us-east-1",
            "-i",
            "i-0123456789abcdef0",
            "--",
            "true");
    cli.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    cli.environment().put("AWS_SECRET_ACCESS_KEY", "not-a-secret");

    PackagedCli.Result result = PackagedCli.run(cli);

    assertThat(result.exitCode()).as(result.errText()).isEqualTo(255);
    List<String> loaded = Files.readAllLines(log);
    assertThat(loaded).anyMatch(line -> line.contains("dev.ssmrun.cli.RunCommand"));
    assertThat(loaded)
        .noneMatch(line -> EMULATOR_PACKAGES.stream().anyMatch(p -> line.contains(" " + p + ".")));
  }
}
