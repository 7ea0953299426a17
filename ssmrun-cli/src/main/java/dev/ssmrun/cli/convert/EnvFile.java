package dev.ssmrun.cli.convert;

import dev.ssmrun.InvalidRequestException;
import dev.ssmrun.RunRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dotenv-style file: {@code NAME=VALUE} lines, an optional {@code export } before the name, a
 * value in matching single or double quotes without them (nothing else is unescaped), blanks
 * around a line dropped, blank lines and lines starting with {@code #} skipped. Errors name the
 * line by number, never its text (it may hold a secret).
 */
public final class EnvFile {
  private EnvFile() {}

  /**
   * The variables of {@code file}, in order.
   *
   * @throws IllegalArgumentException naming the file and the line that is not NAME=VALUE, or why
   *     the file cannot be read.
   */
  public static List<KeyValue> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read it (" + e.getMessage() + ")", e);
    }
    return parse(file.toString(), lines);
  }

  /** The variables of {@code lines}; {@code name} names the file in errors. */
  public static List<KeyValue> parse(String name, List<String> lines) {
    List<KeyValue> variables = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).stripLeading();
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || !line.substring(0, eq).strip().equals(line.substring(0, eq))) {
        throw new IllegalArgumentException(
            name + " line " + (n + 1) + ": not NAME=VALUE (e.g. DB_PASSWORD=s3cret)");
      }
      String variable = line.substring(0, eq);
      try {
        var unused = RunRequest.builder().putSecretEnvironment(variable, "");
      } catch (InvalidRequestException e) {
        throw new IllegalArgumentException(name + " line " + (n + 1) + ": " + e.problem(), e);
      }
      variables.add(new KeyValue(variable, unquote(line.substring(eq + 1))));
    }
    return variables;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }
}
