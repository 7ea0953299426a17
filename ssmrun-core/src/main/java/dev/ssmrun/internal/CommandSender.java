package dev.ssmrun.internal;

import dev.ssmrun.SsmRunException;
import dev.ssmrun.Sleeper;
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
 * the token before anything is sent again.
 */
final class CommandSender {
  static final int MAX_SENDS = 5;
  private static final Duration LOOK_BACK = Duration.ofMinutes(5);
  private static final Duration RECONCILE_PAUSE = Duration.ofMillis(500);
  private static final int RECONCILE_TRIES = 3;

  private final SsmGateway ssm;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Supplier<String> tokens;

  CommandSender(SsmGateway ssm, Clock clock, Sleeper sleeper, Supplier<String> tokens) {
    this.ssm = ssm;
    this.clock = clock;
    this.sleeper = sleeper;
    this.tokens = tokens;
  }

  /** A fresh token to put in a command's comment. */
  String newToken() {
    return tokens.get();
  }

  /** Sends {@code request}, whose comment contains {@code token}; returns the command. */
  Command send(SendCommandRequest request, String token) throws InterruptedException {
    Instant since = clock.instant().minus(LOOK_BACK);
    SdkException last = null;
    for (int attempt = 1; attempt <= MAX_SENDS; attempt++) {
      try {
        return ssm.sendCommand(request);
      } catch (SdkException e) {
        last = e;
        if (SendRetryGuard.isThrottling(e)) {
          sleeper.sleep(RECONCILE_PAUSE.multipliedBy(attempt)); // Rejected, so not sent: resend.
        } else if (mayHaveBeenAccepted(e)) {
          Optional<Command> sent = reconcile(token, since);
          if (sent.isPresent()) {
            return sent.get();
          }
        } else {
          throw e;
        }
      }
    }
    throw new SsmRunException("SendCommand failed " + MAX_SENDS + " times (last: "
        + last.getMessage() + "); nothing was run twice. Check the endpoint and try again", last);
  }

  /** True if SSM may have run the request although the caller got an error. */
  static boolean mayHaveBeenAccepted(SdkException e) {
    if (e instanceof SdkClientException) {
      return true; // Timeout or reset: the request may have arrived.
    }
    return e instanceof SdkServiceException && ((SdkServiceException) e).statusCode() >= 500;
  }

  private Optional<Command> reconcile(String token, Instant since) throws InterruptedException {
    for (int i = 1; i <= RECONCILE_TRIES; i++) {
      try {
        Optional<Command> found = ssm.listCommandsSince(since).stream()
            .filter(c -> c.comment() != null && c.comment().contains(token)).findFirst();
        if (found.isPresent()) {
          return found;
        }
      } catch (SdkException e) {
        if (!e.retryable() && !SendRetryGuard.isThrottling(e)) {
          throw e;
        }
      }
      if (i < RECONCILE_TRIES) {
        sleeper.sleep(RECONCILE_PAUSE.multipliedBy(i)); // ListCommands is eventually consistent.
      }
    }
    return Optional.empty();
  }
}
