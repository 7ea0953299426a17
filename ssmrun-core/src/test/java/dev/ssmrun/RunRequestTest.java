package dev.ssmrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunRequestTest {
  private static final String ID = "i-0123456789abcdef0";

  @Test
  void build_noScript_saysWhatToSet() {
    assertThatThrownBy(() -> RunRequest.builder().addInstanceId(ID).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set a script");
  }

  @Test
  void build_blankScript_rejected() {
    assertThatThrownBy(() -> RunRequest.builder().addInstanceId(ID).script("  \n").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void build_noTargets_saysHowToAddThem() {
    assertThatThrownBy(() -> RunRequest.builder().script("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("addInstanceId");
  }

  @Test
  void cloudWatchOutput_logGroupOutsideCloudWatchsRule_rejectedSayingTheRule() {
    RunRequest.Builder b = RunRequest.builder();
    for (String bad : List.of("", "bad*group", "with space", "x".repeat(513))) {
      assertThatThrownBy(() -> b.cloudWatchOutput(bad))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("is not a log group name: 1 to 512 of A-Z a-z 0-9 _ - / . #");
    }
    b.cloudWatchOutput("/aws/ssm/Run_1.x-y#z").cloudWatchOutput("x".repeat(512));
  }

  @Test
  void addInstanceId_malformed_rejectedWithExample() {
    assertThatThrownBy(() -> RunRequest.builder().addInstanceId("i-123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("i-0123456789abcdef0");
  }

  @Test
  void putEnvironment_badName_rejected() {
    assertThatThrownBy(() -> RunRequest.builder().putEnvironment("1X", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1X");
    assertThatThrownBy(() -> RunRequest.builder().putEnvironment("A-B", "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timeouts_outOfRange_rejected() {
    assertThatThrownBy(() -> RunRequest.builder().executionTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("executionTimeout");
    assertThatThrownBy(() -> RunRequest.builder().deliveryTimeout(Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deliveryTimeout must be between 30s and 30d (SSM's limits), got 10s");
    assertThatThrownBy(() -> RunRequest.builder().waitTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("waitTimeout");
  }

  @Test
  void executionTimeout_roundsUpToWholeSeconds() {
    RunRequest r =
        RunRequest.builder()
            .addInstanceId(ID)
            .script("x")
            .executionTimeout(Duration.ofMillis(5500))
            .build();
    assertThat(r.timeouts().execution()).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void executionTimeout_underFiveSeconds_refused_becauseTheAgentWouldRunAnHour() {
    assertThatThrownBy(() -> RunRequest.builder().executionTimeout(Duration.ofSeconds(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("executionTimeout must be between 5s and 48h (SSM's limits), got 4s");
  }

  @Test
  void effectiveWaitTimeout_defaultsToDeliveryPlusExecutionPlusMargin() {
    RunRequest r =
        RunRequest.builder()
            .addInstanceId(ID)
            .script("x")
            .executionTimeout(Duration.ofMinutes(2))
            .deliveryTimeout(Duration.ofMinutes(1))
            .build();
    assertThat(r.timeouts().effectiveWait()).isEqualTo(Duration.ofMinutes(4));
    assertThat(r.toBuilder().waitTimeout(Duration.ofSeconds(5)).build().timeouts().effectiveWait())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void build_idsAndTagsTogether_rejected() {
    assertThatThrownBy(
            () ->
                RunRequest.builder()
                    .script("x")
                    .addInstanceId(ID)
                    .addTarget("Role", List.of("web"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("instanceids");
  }

  @Test
  void build_sixTargetKeys_rejected() {
    RunRequest.Builder b = RunRequest.builder().script("x");
    IntStream.range(0, 6).forEach(i -> b.addTarget("K" + i, List.of("v")));
    assertThatThrownBy(b::build).hasMessageContaining("at most 5");
  }

  @Test
  void comment_tooLong_rejected() {
    assertThatThrownBy(() -> RunRequest.builder().comment("x".repeat(81)))
        .hasMessageContaining("80");
  }

  @Test
  void maxConcurrencyAndErrors_validated() {
    assertThatThrownBy(() -> RunRequest.builder().maxConcurrency("0"))
        .hasMessageContaining("maxConcurrency");
    assertThatThrownBy(() -> RunRequest.builder().maxErrors("-1"))
        .hasMessageContaining("maxErrors");
    RunRequest.builder().maxConcurrency("25%").maxErrors("0");
  }

  @Test
  void build_largeScript_acceptedForStagingAtRunTime() {
    RunRequest request = RunRequest.builder().addInstanceId(ID).script("x".repeat(70_000)).build();

    assertThat(request.payload().script()).hasValueSatisfying(s -> assertThat(s).hasSize(70_000));
  }

  @Test
  void build_argumentsWithCommand_refused() {
    assertThatThrownBy(
            () -> RunRequest.builder().addInstanceId(ID).command("ls").arguments("-l").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("put them in its argv");
  }

  @Test
  void environment_plainAndSecretOfOneName_lastOneWins() {
    RunRequest request =
        RunRequest.builder()
            .addInstanceId(ID)
            .script("env")
            .putEnvironment("A", "1")
            .putSecretEnvironment("A", "2")
            .putSecretEnvironment("B", "3")
            .putEnvironment("B", "4")
            .build();

    assertThat(request.payload().environment()).containsExactly(Map.entry("B", "4"));
    assertThat(request.payload().secretEnvironment()).containsExactly(Map.entry("A", "2"));
    assertThat(request.toString()).doesNotContain("2").doesNotContain("4");
  }

  @Test
  void staging_readsBackAndSurvivesToBuilder() {
    StagingLocation location = StagingLocation.of("my-bucket", "runs").withKmsKey("alias/k");
    RunRequest request =
        RunRequest.builder()
            .addInstanceId(ID)
            .script("cat \"$SSMRUN_INPUT\"")
            .arguments("a", "b c")
            .staging(location)
            .stage(true)
            .keepStagedObjects(true)
            .input(ScriptInput.of(new byte[] {1, 2}))
            .outputFromS3(true)
            .build();

    assertThat(request.staging().location()).contains(location);
    assertThat(location.prefix()).isEqualTo("runs/");
    assertThat(request.staging().forced()).isTrue();
    assertThat(request.staging().keepObjects()).isTrue();
    assertThat(request.staging().collectResults()).isTrue(); // implied by the input
    assertThat(request.payload().arguments()).containsExactly("a", "b c");
    assertThat(request.output().alwaysFromS3()).isTrue();
    assertThat(request.toBuilder().build()).isEqualTo(request);
  }

  @Test
  void stagingLocation_invalidBucket_refusedInTheCallersWords() {
    assertThatThrownBy(() -> StagingLocation.of("My_Bucket"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'My_Bucket' is not a valid S3 bucket name");
    assertThat(StagingLocation.of("b-1").prefix()).isEqualTo(StagingLocation.DEFAULT_PREFIX);
    assertThat(StagingLocation.of("b-1", "").prefix()).isEmpty();
  }

  @Test
  void toString_neverShowsScriptOrEnvironmentValues() {
    RunRequest r =
        RunRequest.builder()
            .addInstanceId(ID)
            .script("echo s3cr3t")
            .putEnvironment("TOKEN", "hunter2")
            .build();
    assertThat(r.toString()).doesNotContain("s3cr3t").doesNotContain("hunter2").contains("TOKEN");
  }

  @Test
  void toBuilder_roundTrips() {
    RunRequest r =
        RunRequest.builder()
            .addInstanceId(ID)
            .command("ls", "-la")
            .putEnvironment("A", "1")
            .comment("c")
            .failFast(true)
            .build();
    assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    assertThat(r.targets().instanceIds()).containsExactly(ID);
    assertThat(r.payload().command()).containsExactly("ls", "-la");
    assertThat(r.payload().script()).isEmpty();
  }
}
