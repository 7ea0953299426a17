package dev.ssmrun.internal;

import dev.ssmrun.SsmRunException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/**
 * Sends one SendCommand so that it runs at most once. Each request carries a unique token in its
 * comment; when the answer is lost (timeout, 5xx, reset connection), ListCommands is searched for
 * the token before anything is sent again. A {@link Sending} makes one call per step and says how
 * long to pause before the next, so that no thread sleeps inside it.
 */
final class CommandSender {
  static final int MAX_SENDS = 5;
  private static final Duration LOOK_BACK = Duration.ofMinutes(5);
  private static final Duration RECONCILE_PAUSE = Duration.ofMillis(500);
  private static final int RECONCILE_TRIES = 3;

  private final SsmGateway ssm;
  private final Clock clock;
  private final Supplier<String> tokens;

  CommandSender(SsmGateway ssm, Clock clock, Supplier<String> tokens) {
    this.ssm = ssm;
    this.clock = clock;
    this.tokens = tokens;
  }

  /** A fresh token to put in a command's comment. */
  String newToken() {
    return tokens.get();
  }

  /** Begins sending {@code request}, whose comment contains {@code token}. */
  Sending start(SendCommandRequest request, String token) {
    return new Sending(request, token, clock.instant().minus(LOOK_BACK));
  }

  /** True if SSM may have run the request although the caller got an error. */
  static boolean mayHaveBeenAccepted(SdkException e) {
    if (e instanceof SdkClientException) {
      return true; // Timeout or reset: the request may have arrived.
    }
    return e instanceof SdkServiceException service && service.statusCode() >= 500;
  }

  /** The result of one step: the command once SSM has it, else the pause before the next. */
  record Step(Command command, Duration pause) {}

  /** One command on its way. Not thread-safe: the owning session's lock guards it. */
  final class Sending {
    private final SendCommandRequest request;
    private final String token;
    private final Instant since;
    private int sends;
    private int reconciles;
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
    Step next() {
      return reconciles > 0 ? reconcile() : send();
    }

    private Step send() {
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
        if (SendRetryGuard.isThrottling(e)) {
          return new Step(null, RECONCILE_PAUSE.multipliedBy(sends)); // Rejected: resend.
        }
        if (!mayHaveBeenAccepted(e)) {
          throw e;
        }
        reconciles = 1;
        return reconcile();
      }
    }

    /**
     * After a cancel: only the next look for a command whose answer was lost, never a send. A
     * step with neither command nor pause means there is nothing (more) to look for.
     */
    Step recheck() {
      return reconciles > 0 ? look() : new Step(null, null);
    }

    private Step reconcile() {
      Step step = look();
      return step.command() == null && step.pause() == null ? send() : step;
    }

    private Step look() {
      Optional<Command> found = find();
      if (found.isPresent()) {
        return new Step(found.get(), null);
      }
      if (reconciles < RECONCILE_TRIES) {
        // ListCommands is eventually consistent: look again after a pause.
        return new Step(null, RECONCILE_PAUSE.multipliedBy(reconciles++));
      }
      reconciles = 0; // Not accepted after all.
      return new Step(null, null);
    }

    private Optional<Command> find() {
      try {
        return ssm.listCommandsSince(since).stream()
            .filter(c -> c.comment() != null && c.comment().contains(token))
            .findFirst();
      } catch (SdkException e) {
        if (!e.retryable() && !SendRetryGuard.isThrottling(e)) {
          throw e;
        }
        return Optional.empty();
      }
    }
  }
}
