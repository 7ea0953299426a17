package dev.ssmrun.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The shaded CLI jar started in its own JVM, as a user runs it. */
final class PackagedCli {
  private PackagedCli() {}

  /** What a finished process left: exit code and both streams' bytes. */
  record Result(int exitCode, byte[] out, byte[] err) {
    String outText() {
      return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    String errText() {
      return new String(err, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** {@code java <jvmOptions> -jar ssmrun-cli-*-all.jar <args>}, not yet started. */
  static ProcessBuilder processBuilder(List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>(javaCommand(jvmOptions));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** {@code java <jvmOptions> -jar <shaded jar>}. */
  static List<String> javaCommand(List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", shadedJar().toString()));
    return command;
  }

  /** Starts {@code builder}, reads both streams, waits at most a minute. */
  static Result run(ProcessBuilder builder) throws Exception {
    Process process =
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the CLI did not finish within 60 s");
    }
    return new Result(process.exitValue(), out, err.get(10, TimeUnit.SECONDS));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path shadedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-all.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("run 'mvn package' first: no shaded jar"));
    }
  }
}
