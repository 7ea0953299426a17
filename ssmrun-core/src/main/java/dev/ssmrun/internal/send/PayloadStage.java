package dev.ssmrun.internal.send;

import dev.ssmrun.Document;
import dev.ssmrun.StagingException;
import java.time.Instant;
import java.util.Set;

/**
 * The stage between pre-flight and sending: turns the request's payload into what its
 * SendCommands carry, staging it in S3 first when needed. Called once per run, by its driver.
 */
public interface PayloadStage {
  /**
   * Prepares the payload for each of {@code documents}.
   *
   * @throws StagingException if S3 cannot do what the run needs; nothing was sent.
   */
  Delivery prepare(Set<Document> documents, Instant now);
}
