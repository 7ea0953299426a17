package dev.ssmrun.internal.send;

import dev.ssmrun.SsmRunException;
import dev.ssmrun.internal.aws.AwsErrors;
import dev.ssmrun.internal.aws.SsmGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/**
 * Sends one SendCommand so that it runs at most once. Each request carries a unique token in its
 * comment; when the answer is lost (timeout, 5xx, reset connection), ListCommands is searched for
 * the token, backing off from 500 ms to 4 s, for up to the lookup window before anything is sent
 * again. A {@link Sending} makes one call per step and says how long to pause before the next, so
 * that no thread sleeps inside it.
 */
final class CommandSender {
  static final int MAX_SENDS = 5;
  private static final Duration LOOK_BACK = Duration.ofMinutes(5);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(4);

  private final SsmGateway ssm;
  private final Supplier<String> tokens;
  private final Duration lookupWindow;

  CommandSender(SsmGateway ssm, Supplier<String> tokens, Duration lookupWindow) {
    this.ssm = ssm;
    this.tokens = tokens;
    this.lookupWindow = lookupWindow;
  }

  /** A fresh token to put in a command's comment. */
  String newToken() {
    return tokens.get();
  }

  /** Begins sending {@code request}, whose comment contains {@code token}. */
  Sending start(SendCommandRequest request, String token, Instant now) {
    return new Sending(request, token, now.minus(LOOK_BACK));
  }

  /** The result of one step: the command once SSM has it, else the pause before the next. */
  record Step(Command command, Duration pause) {}

  /** One command on its way. Not thread-safe: the owning run's driver steps it. */
  final class Sending {
    private final SendCommandRequest request;
    private final String token;
    private final Instant since;
    private int sends;
    private Instant lookingSince;
    private int looks;
    private SdkException last;

    private Sending(SendCommandRequest request, String token, Instant since) {
      this.request = request;
      this.token = token;
      this.since = since;
    }

    /**
     * Makes the next call: a send, or a search for the token after a lost answer.
     *
     * @throws SsmRunException after {@link #MAX_SENDS} sends without SSM taking the command.
     */
    Step next(Instant now) {
      return lookingSince != null ? reconcile(now) : send(now);
    }

    private Step send(Instant now) {
      if (sends >= MAX_SENDS) {
        throw new SsmRunException(
            "SendCommand failed "
                + MAX_SENDS
                + " times (last: "
                + last.getMessage()
                + "); nothing was run twice. Check the endpoint and try again",
            last);
      }
      sends++;
      try {
        return new Step(ssm.sendCommand(request), null);
      } catch (SdkException e) {
        last = e;
        if (AwsErrors.isThrottling(e)) {
          return new Step(null, FIRST_PAUSE.multipliedBy(sends)); // Refused: safe to resend.
        }
        if (!AwsErrors.mayHaveBeenAccepted(e)) {
          throw e;
        }
        lookingSince = now;
        looks = 0;
        return reconcile(now);
      }
    }

    /**
     * After a cancel: only the next look for a command whose answer was lost, never a send. A
     * step with neither command nor pause means there is nothing (more) to look for.
     */
    Step recheck(Instant now) {
      return lookingSince != null ? look(now) : new Step(null, null);
    }

    private Step reconcile(Instant now) {
      Step step = look(now);
      return step.command() == null && step.pause() == null ? send(now) : step;
    }

    private Step look(Instant now) {
      Optional<Command> found = find();
      if (found.isPresent()) {
        lookingSince = null;
        return new Step(found.get(), null);
      }
      Duration pause = pause(looks++);
      if (now.plus(pause).isAfter(lookingSince.plus(lookupWindow))) {
        lookingSince = null; // Not shown within the window: SSM did not take it.
        return new Step(null, null);
      }
      return new Step(null, pause); // ListCommands is eventually consistent: look again.
    }

    private Duration pause(int look) {
      Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(look, 3));
      return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private Optional<Command> find() {
      try {
        return ssm.listCommandsSince(since).stream()
            .filter(c -> c.comment() != null && c.comment().contains(token))
            .findFirst();
      } catch (SdkException e) {
        if (!AwsErrors.isTransient(e)) {
          throw e;
        }
        return Optional.empty();
      }
    }
  }
}
