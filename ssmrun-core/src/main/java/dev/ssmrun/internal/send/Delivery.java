package dev.ssmrun.internal.send;

import dev.ssmrun.Document;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run's SendCommands carry for its payload: the {@code commands} lines per document (the
 * script inline, or a bootstrap for a staged payload), the S3 location SSM writes output to, and
 * what the caller should know (e.g. signing credentials that expire before the timeouts).
 */
public record Delivery(
    Map<Document, List<String>> commands,
    String outputBucket,
    String outputPrefix,
    List<String> warnings) {
  public Delivery {
    commands = Map.copyOf(commands);
    warnings = List.copyOf(warnings);
  }

  /** The lines for {@code document}. */
  List<String> commands(Document document) {
    List<String> lines = commands.get(document);
    if (lines == null) {
      throw new IllegalStateException("no payload prepared for " + document);
    }
    return lines;
  }

  /** The output bucket, if SSM writes output to S3. */
  Optional<String> output() {
    return Optional.ofNullable(outputBucket);
  }
}
