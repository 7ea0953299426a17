package dev.ssmrun.internal.send;

import dev.ssmrun.InvocationResult;
import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.watch.MissingCommand;
import dev.ssmrun.internal.watch.SentCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.Command;

/**
 * Finds commands already sent, by this process or another, so that a run can watch them: each is
 * looked up with ListCommands until SSM shows it, for up to a short grace window (a command sent
 * a moment ago may not show yet).
 */
public final class Attachment implements Launch {
  private static final Duration RETRY = Duration.ofMillis(500);

  private final SsmGateway ssm;
  private final Set<String> missing;
  private final List<SentCommand> found = new ArrayList<>();
  private final Duration grace;
  private Instant since;

  /** Looks up {@code commandIds} for up to {@code grace}. */
  public Attachment(SsmGateway ssm, List<String> commandIds, Duration grace) {
    this.ssm = ssm;
    this.missing = new LinkedHashSet<>(commandIds);
    this.grace = grace;
  }

  /**
   * {@inheritDoc}
   *
   * @throws MissingCommand if SSM still does not show a command after the grace window.
   */
  @Override
  public Step step(Instant now) {
    since = since == null ? now : since;
    for (String id : List.copyOf(missing)) {
      Optional<Command> command = ssm.findCommand(id);
      if (command.isPresent()) {
        Command c = command.get();
        Instant sentAt = c.requestedDateTime() == null ? now : c.requestedDateTime();
        found.add(SentCommand.of(c, c.instanceIds(), sentAt));
        missing.remove(id);
      }
    }
    if (missing.isEmpty()) {
      return Step.done();
    }
    if (!now.isBefore(since.plus(grace))) {
      String id = missing.iterator().next();
      throw new MissingCommand(
          id,
          "SSM does not show command "
              + id
              + ": check the command id, and the region and endpoint of the SSM client");
    }
    return Step.after(RETRY);
  }

  @Override
  public Step settle(Instant now) {
    return Step.done(); // Nothing was sent: nothing to find before cancelling.
  }

  @Override
  public List<SentCommand> sent() {
    return List.copyOf(found);
  }

  @Override
  public List<InvocationResult> rejected() {
    return List.of();
  }

  @Override
  public List<String> warnings() {
    return List.of();
  }
}
