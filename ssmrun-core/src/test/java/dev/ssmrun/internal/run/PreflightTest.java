package dev.ssmrun.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.CommandResult;
import dev.ssmrun.Document;
import dev.ssmrun.PreflightException;
import dev.ssmrun.RunRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightTest {
  private final Fixtures f = new Fixtures();
  private final List<String> ids = f.ssm.addInstances(3);

  private RunRequest.Builder request() {
    return RunRequest.builder().script("echo ok").instanceIds(ids).preflight(true);
  }

  @Test
  void run_offlineInstanceNoWait_throwsBeforeSending() {
    f.ssm.pingStatus.put(ids.get(0), "ConnectionLost");

    assertThatThrownBy(() -> f.runner().run(request().build()))
        .isInstanceOf(PreflightException.class)
        .hasMessageContaining("ConnectionLost");
    assertThat(f.ssm.calls("SendCommand")).isZero();
  }

  @Test
  void run_waitForOnline_checksEveryTwoSecondsUntilOnline() {
    f.ssm.pingStatus.put(ids.get(0), "ConnectionLost");
    Instant online = f.time.instant().plusSeconds(5);
    f.time.onSleep(
        () -> {
          if (!f.time.instant().isBefore(online)) {
            f.ssm.pingStatus.remove(ids.get(0));
          }
        });

    CommandResult result = f.runner().run(request().waitForOnline(Duration.ofMinutes(1)).build());

    assertThat(result.isSuccessful()).isTrue();
    assertThat(f.ssm.calls("DescribeInstanceInformation")).isEqualTo(4);
    assertThat(f.time.sleeps())
        .startsWith(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void run_waitForOnlineRunsOut_throws() {
    f.ssm.pingStatus.put(ids.get(2), "ConnectionLost");

    assertThatThrownBy(() -> f.runner().run(request().waitForOnline(Duration.ofSeconds(5)).build()))
        .isInstanceOf(PreflightException.class);
    assertThat(f.time.slept()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void run_autoDocument_sendsOneCommandPerPlatform() {
    f.ssm.platform.put(ids.get(1), "Windows");

    f.runner()
        .run(
            RunRequest.builder()
                .script("echo ok")
                .instanceIds(ids)
                .document(Document.AUTO)
                .build());

    assertThat(f.ssm.sent())
        .extracting(r -> r.documentName() + r.instanceIds())
        .containsExactly(
            "AWS-RunShellScript" + List.of(ids.get(0), ids.get(2)),
            "AWS-RunPowerShellScript" + List.of(ids.get(1)));
  }

  @Test
  void run_tagWithoutMatches_throws() {
    assertThatThrownBy(
            () ->
                f.runner()
                    .run(
                        RunRequest.builder()
                            .script("x")
                            .addTarget("Role", List.of("db"))
                            .preflight(true)
                            .build()))
        .isInstanceOf(PreflightException.class)
        .hasMessageContaining("no managed instance");
  }
}
