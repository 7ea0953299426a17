package dev.ssmrun.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks at real processes through /proc, so tests can prove none is left running. */
final class Processes {
  private Processes() {}

  /** True if {@code pid} exists and is not a zombie. */
  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String afterName = stat.substring(stat.lastIndexOf(')') + 2);
      return afterName.charAt(0) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads a pid a script wrote to {@code file}, waiting until the whole line is there. */
  static long pidIn(Path file) {
    Poll.until(() -> read(file).endsWith("\n"));
    return Long.parseLong(read(file).trim());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
