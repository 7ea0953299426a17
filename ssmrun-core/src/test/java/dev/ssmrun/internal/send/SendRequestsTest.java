package dev.ssmrun.internal.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmrun.Document;
import dev.ssmrun.RunRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

class SendRequestsTest {
  @Test
  void build_mapsEveryRequestSetting() {
    RunRequest request =
        RunRequest.builder()
            .script("uptime")
            .addTarget("Role", List.of("web"))
            .workingDirectory("/srv")
            .executionTimeout(Duration.ofMinutes(2))
            .deliveryTimeout(Duration.ofMinutes(1))
            .comment("deploy 42")
            .maxConcurrency("10%")
            .maxErrors("1")
            .outputS3("bucket", "runs")
            .cloudWatchOutput("/my/group")
            .build();

    Delivery inline =
        new Delivery(
            Map.of(Document.SHELL, Scripts.render(request.payload(), Document.SHELL)),
            "bucket",
            "runs",
            List.of());

    SendCommandRequest r = SendRequests.build(request, inline, Document.SHELL, List.of(), "abc");

    assertThat(r.documentName()).isEqualTo("AWS-RunShellScript");
    assertThat(r.parameters())
        .containsEntry("commands", List.of("uptime"))
        .containsEntry("workingDirectory", List.of("/srv"))
        .containsEntry("executionTimeout", List.of("120"));
    assertThat(r.timeoutSeconds()).isEqualTo(60);
    assertThat(r.comment()).isEqualTo("deploy 42 ssmrun:abc");
    assertThat(r.maxConcurrency()).isEqualTo("10%");
    assertThat(r.maxErrors()).isEqualTo("1");
    assertThat(r.outputS3BucketName()).isEqualTo("bucket");
    assertThat(r.outputS3KeyPrefix()).isEqualTo("runs");
    assertThat(r.cloudWatchOutputConfig().cloudWatchOutputEnabled()).isTrue();
    assertThat(r.cloudWatchOutputConfig().cloudWatchLogGroupName()).isEqualTo("/my/group");
    assertThat(r.targets())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.key()).isEqualTo("tag:Role");
              assertThat(t.values()).containsExactly("web");
            });
    assertThat(r.hasInstanceIds()).isFalse();
  }

  @Test
  void build_defaults_leaveSsmDefaultsAlone() {
    Delivery inline = new Delivery(Map.of(Document.POWERSHELL, List.of("x")), null, "", List.of());
    SendCommandRequest r =
        SendRequests.build(
            RunRequest.builder().script("x").addInstanceId("i-0123456789abcdef0").build(),
            inline,
            Document.POWERSHELL,
            List.of("i-0123456789abcdef0"),
            "t");

    assertThat(r.documentName()).isEqualTo("AWS-RunPowerShellScript");
    assertThat(r.maxConcurrency()).isNull();
    assertThat(r.outputS3BucketName()).isNull();
    assertThat(r.cloudWatchOutputConfig()).isNull();
    assertThat(r.parameters()).doesNotContainKey("workingDirectory");
    assertThat(r.comment()).isEqualTo("ssmrun:t");
  }

  @Test
  void chunks_splitsBy50() {
    List<String> ids = IntStream.range(0, 101).mapToObj(i -> "i-" + i).toList();
    assertThat(SendRequests.chunks(ids)).extracting(List::size).containsExactly(50, 50, 1);
  }

  @Test
  void targetKey_instanceIdsAndPrefixedKeysStay() {
    assertThat(SendRequests.targetKey("instanceids")).isEqualTo("InstanceIds");
    assertThat(SendRequests.targetKey("resource-groups:Name")).isEqualTo("resource-groups:Name");
    assertThat(SendRequests.targetKey("Env")).isEqualTo("tag:Env");
  }
}
