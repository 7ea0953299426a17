package dev.ssmrun.internal.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.SsmRunException;
import dev.ssmrun.internal.aws.SsmGateway;
import dev.ssmrun.internal.fake.DelegatingGateway;
import dev.ssmrun.internal.fake.FakeSsmGateway;
import dev.ssmrun.internal.fake.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.InvalidDocumentException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SsmException;

class CommandSenderTest {
  private final FakeTime time = new FakeTime();
  private final FakeSsmGateway ssm = new FakeSsmGateway(time);
  private final List<String> ids = ssm.addInstances(1);

  /** Looks at 0, 0.5 and 1.5 s, then gives up: three looks per lost answer. */
  private static final Duration WINDOW = Duration.ofSeconds(2);

  private final CommandSender sender = new CommandSender(ssm, () -> "token", WINDOW);

  private SendCommandRequest request() {
    return SendCommandRequest.builder()
        .documentName("AWS-RunShellScript")
        .instanceIds(ids)
        .comment("ssmrun:token")
        .parameters(Map.of("commands", List.of("true")))
        .build();
  }

  /** Drives one sending to its end, pausing on fake time as a session's driver would. */
  private Command send(CommandSender s, String token) throws InterruptedException {
    CommandSender.Sending sending = s.start(request(), token, time.instant());
    for (CommandSender.Step step = sending.next(time.instant());
        ;
        step = sending.next(time.instant())) {
      if (step.command() != null) {
        return step.command();
      }
      time.sleep(step.pause());
    }
  }

  @Test
  void send_lostAnswers_reconcilesEachTimeAndNeverDuplicates() throws Exception {
    ssm.loseSendsAfterAccepting = 1;

    Command c = send(sender, "token");

    assertThat(ssm.commandCount()).isEqualTo(1);
    assertThat(c.comment()).isEqualTo("ssmrun:token");
    assertThat(ssm.calls("ListCommands")).isEqualTo(1);
  }

  @Test
  void send_alwaysFailsBeforeAccepting_givesUpAfterFiveWithClearMessage() {
    ssm.failSendsBeforeAccepting = 99;

    assertThatThrownBy(() -> send(sender, "token"))
        .isInstanceOf(SsmRunException.class)
        .hasMessageContaining("failed 5 times")
        .hasMessageContaining("nothing was run twice");
    assertThat(ssm.calls("SendCommand")).isEqualTo(5);
    assertThat(ssm.commandCount()).isZero();
    assertThat(ssm.calls("ListCommands")).isEqualTo(5 * 3);
  }

  @Test
  void send_answerLostAndCommandShowsOnlyAfterTenSeconds_defaultWindowFindsItAndSendsOnce()
      throws Exception {
    ssm.loseSendsAfterAccepting = 1;
    ssm.visibilityDelay = Duration.ofSeconds(10);
    CommandSender patient = new CommandSender(ssm, () -> "token", Duration.ofSeconds(20));

    send(patient, "token");

    assertThat(ssm.commandCount()).isEqualTo(1);
    assertThat(ssm.calls("SendCommand")).isEqualTo(1);
    // Looks at 0, 0.5, 1.5, 3.5, 7.5 and 11.5 s: the backoff is capped at 4 s.
    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4));
  }

  @Test
  void send_answerLostAndCommandNeverShows_resendsOnlyAfterTheWindow() throws Exception {
    ssm.loseSendsAfterAccepting = 1;
    ssm.visibilityDelay = Duration.ofMinutes(5);
    CommandSender patient = new CommandSender(ssm, () -> "token", Duration.ofSeconds(20));

    send(patient, "token");

    assertThat(ssm.calls("SendCommand")).isEqualTo(2);
    assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofMillis(19_500));
  }

  @Test
  void send_clientError_propagatesWithoutReconciling() {
    SsmGateway rejecting =
        new DelegatingGateway(ssm) {
          @Override
          public Command sendCommand(SendCommandRequest r) {
            throw InvalidDocumentException.builder().statusCode(400).message("bad doc").build();
          }
        };

    assertThatThrownBy(() -> send(new CommandSender(rejecting, () -> "t", WINDOW), "t"))
        .isInstanceOf(InvalidDocumentException.class);
    assertThat(ssm.calls("ListCommands")).isZero();
  }

  @Test
  void send_throttledBeyondSdkRetries_pausesAndResendsWithoutReconciling() throws Exception {
    int[] throttled = {2};
    SsmGateway throttling =
        new DelegatingGateway(ssm) {
          @Override
          public Command sendCommand(SendCommandRequest r) {
            if (throttled[0]-- > 0) {
              throw SsmException.builder()
                  .statusCode(400)
                  .awsErrorDetails(
                      AwsErrorDetails.builder().errorCode("ThrottlingException").build())
                  .build();
            }
            return super.sendCommand(r);
          }
        };

    send(new CommandSender(throttling, () -> "t", WINDOW), "t");

    assertThat(ssm.commandCount()).isEqualTo(1);
    assertThat(ssm.calls("ListCommands")).isZero();
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }
}
