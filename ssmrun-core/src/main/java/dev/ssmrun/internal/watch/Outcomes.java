package dev.ssmrun.internal.watch;

import dev.ssmrun.Outcome;
import java.util.Locale;
import java.util.Set;

/** Maps SSM's invocation status and details to an {@link Outcome}. Pure. */
public final class Outcomes {
  private static final Set<String> TERMINAL = Set.of("success", "failed", "timedout", "cancelled");
  private static final Set<String> NOT_DELIVERED =
      Set.of("deliverytimedout", "undeliverable", "invalidplatform", "accessdenied", "offline");

  private Outcomes() {}

  /** True if SSM will not change {@code status} again. */
  public static boolean isTerminal(String status) {
    return TERMINAL.contains(norm(status));
  }

  /**
   * The outcome of a terminal invocation; {@code cancelledByUs} marks cancellations that ssmrun
   * itself asked for.
   */
  static Outcome classify(String status, String details, boolean cancelledByUs) {
    String s = norm(status);
    String d = norm(details);
    if (NOT_DELIVERED.contains(d)) {
      return Outcome.NOT_DELIVERED;
    }
    return switch (s) {
      case "success" -> Outcome.SUCCESS;
      case "timedout" -> Outcome.TIMED_OUT;
      case "cancelled", "cancelling" ->
          cancelledByUs ? Outcome.CANCELLED_BY_CLIENT : Outcome.CANCELLED;
      default -> d.equals("terminated") ? Outcome.CANCELLED : Outcome.FAILED;
    };
  }

  private static String norm(String text) {
    return text == null ? "" : text.replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
