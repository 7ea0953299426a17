package dev.ssmrun.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shaded CLI jar started in its own JVM, as a user runs it. */
final class PackagedCli {
  private PackagedCli() {}

  /** {@code java <jvmOptions> -jar ssmrun-cli-*-all.jar <args>}, not yet started. */
  static ProcessBuilder processBuilder(List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", shadedJar().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private static Path shadedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-all.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("run 'mvn package' first: no shaded jar"));
    }
  }
}
