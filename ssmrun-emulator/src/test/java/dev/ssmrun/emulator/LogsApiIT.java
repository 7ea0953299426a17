package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * The CloudWatch Logs API through the SDK's CloudWatchLogsClient: shapes, paging, errors. Tests on
 * the shared emulator use their own group names, so all run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class LogsApiIT {
  @RegisterExtension
  static final SsmEmulatorExtension EMU =
      SsmEmulatorExtension.create(SsmEmulator.builder().instances(0).filterLogEventsRate(1000));

  private final CloudWatchLogsClient logs = EMU.logs();

  @Test
  void groupsAndStreams_createDescribeDelete_serviceErrors() {
    logs.createLogGroup(b -> b.logGroupName("/api/groups"));
    logs.createLogStream(b -> b.logGroupName("/api/groups").logStreamName("a/1"));
    logs.createLogStream(b -> b.logGroupName("/api/groups").logStreamName("a/2"));

    assertCode(
        "ResourceAlreadyExistsException",
        () -> logs.createLogGroup(b -> b.logGroupName("/api/groups")));
    assertCode(
        "ResourceAlreadyExistsException",
        () -> logs.createLogStream(b -> b.logGroupName("/api/groups").logStreamName("a/1")));
    assertCode(
        "ResourceNotFoundException",
        () -> logs.createLogStream(b -> b.logGroupName("/api/none").logStreamName("x")));
    assertCode(
        "InvalidParameterException", () -> logs.createLogGroup(b -> b.logGroupName("bad name")));
    assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("/api/groups")).logGroups().get(0))
        .satisfies(
            g -> {
              assertThat(g.logGroupName()).isEqualTo("/api/groups");
              assertThat(g.arn()).endsWith(":log-group:/api/groups:*");
            });
    List<String> streams = new ArrayList<>();
    logs.describeLogStreamsPaginator(b -> b.logGroupName("/api/groups").limit(1))
        .logStreams()
        .forEach(s -> streams.add(s.logStreamName()));
    assertThat(streams).containsExactly("a/1", "a/2");

    logs.deleteLogGroup(b -> b.logGroupName("/api/groups"));
    assertCode(
        "ResourceNotFoundException", () -> logs.deleteLogGroup(b -> b.logGroupName("/api/groups")));
    assertCode(
        "ResourceNotFoundException",
        () -> logs.describeLogStreams(b -> b.logGroupName("/api/groups")));
  }

  @Test
  void groupArnIdentifier_emptyStreamPage_deleteStream() {
    logs.createLogGroup(b -> b.logGroupName("/api/ident"));
    logs.createLogStream(b -> b.logGroupName("/api/ident").logStreamName("empty"));
    String arn =
        logs.describeLogGroups(b -> b.logGroupNamePrefix("/api/ident"))
            .logGroups()
            .get(0)
            .logGroupArn();

    GetLogEventsResponse empty =
        logs.getLogEvents(b -> b.logGroupIdentifier(arn).logStreamName("empty"));
    logs.deleteLogStream(b -> b.logGroupName("/api/ident").logStreamName("empty"));

    assertThat(empty.events()).isEmpty();
    assertThat(empty.nextForwardToken()).startsWith("f/");
    assertThat(empty.nextBackwardToken()).startsWith("b/");
    assertCode(
        "ResourceNotFoundException",
        () -> logs.deleteLogStream(b -> b.logGroupName("/api/ident").logStreamName("empty")));
    assertCode(
        "InvalidParameterException",
        () ->
            logs.getLogEvents(
                b -> b.logGroupName("/api/ident").logStreamName("x").nextToken("zz")));
  }

  @Test
  void logsTargetSignedForSsm_refused() throws Exception {
    software.amazon.awssdk.http.SdkHttpRequest request =
        software.amazon.awssdk.http.SdkHttpRequest.builder()
            .method(software.amazon.awssdk.http.SdkHttpMethod.POST)
            .uri(EMU.emulator().endpoint())
            .putHeader("X-Amz-Target", "Logs_20140328.DescribeLogGroups")
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .build();
    var signed =
        software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(
                            software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(
                                "test", "test"))
                        .request(request)
                        .payload(
                            software.amazon.awssdk.http.ContentStreamProvider.fromUtf8String("{}"))
                        .putProperty(
                            software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner
                                .SERVICE_SIGNING_NAME,
                            "ssm")
                        .putProperty(
                            software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME,
                            "us-east-1"));
    java.net.http.HttpRequest.Builder http =
        java.net.http.HttpRequest.newBuilder(EMU.emulator().endpoint())
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> http.header(name, v));
              }
            });

    java.net.http.HttpResponse<String> answer =
        java.net.http.HttpClient.newHttpClient()
            .send(http.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("\"__type\":\"InvalidSignatureException\"");
    assertThat(answer.body()).contains("'logs'");
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
  }

  @Test
  void putLogEvents_chronologicalOnly_tooOldRejected_streamMustExist() {
    logs.createLogGroup(b -> b.logGroupName("/api/put"));
    logs.createLogStream(b -> b.logGroupName("/api/put").logStreamName("s"));
    long now = System.currentTimeMillis();

    assertCode(
        "InvalidParameterException",
        () -> put("/api/put", "s", event(now, "late"), event(now - 1000, "early")));
    assertCode("ResourceNotFoundException", () -> put("/api/put", "nope", event(now, "x")));
    PutLogEventsResponse r =
        put("/api/put", "s", event(now - 15L * 24 * 3600_000, "ancient"), event(now, "fresh"));

    assertThat(r.nextSequenceToken()).hasSize(56);
    assertThat(r.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isZero();
    assertThat(messages(logs.getLogEvents(b -> b.logGroupName("/api/put").logStreamName("s"))))
        .containsExactly("fresh");
  }

  @Test
  void getLogEvents_pagesForwardAndBackward_tokenRepeatsAtTheEnd() {
    logs.createLogGroup(b -> b.logGroupName("/api/get"));
    logs.createLogStream(b -> b.logGroupName("/api/get").logStreamName("s"));
    long t = System.currentTimeMillis() - 10_000;
    put("/api/get", "s", event(t, "e1"), event(t + 1, "e2"), event(t + 2, "e3"));

    GetLogEventsResponse head =
        logs.getLogEvents(
            b -> b.logGroupName("/api/get").logStreamName("s").startFromHead(true).limit(2));
    GetLogEventsResponse next =
        logs.getLogEvents(
            b -> b.logGroupName("/api/get").logStreamName("s").nextToken(head.nextForwardToken()));
    GetLogEventsResponse end =
        logs.getLogEvents(
            b -> b.logGroupName("/api/get").logStreamName("s").nextToken(next.nextForwardToken()));
    GetLogEventsResponse tail =
        logs.getLogEvents(b -> b.logGroupName("/api/get").logStreamName("s").limit(1));
    GetLogEventsResponse before =
        logs.getLogEvents(
            b ->
                b.logGroupName("/api/get")
                    .logStreamName("s")
                    .nextToken(tail.nextBackwardToken())
                    .limit(1));

    assertThat(messages(head)).containsExactly("e1", "e2");
    assertThat(messages(next)).containsExactly("e3");
    assertThat(end.events()).isEmpty();
    assertThat(end.nextForwardToken()).isEqualTo(next.nextForwardToken());
    assertThat(head.nextForwardToken()).startsWith("f/").endsWith("/s");
    assertThat(head.nextBackwardToken()).startsWith("b/");
    assertThat(messages(tail)).containsExactly("e3");
    assertThat(messages(before)).containsExactly("e2");
    List<String> all = new ArrayList<>();
    logs.getLogEventsPaginator(
            b -> b.logGroupName("/api/get").logStreamName("s").startFromHead(true).limit(1))
        .events()
        .forEach(e -> all.add(e.message()));
    assertThat(all).containsExactly("e1", "e2", "e3"); // the SDK stops when the token repeats
  }

  @Test
  void filterLogEvents_prefixNamesTimePatternAndPaging() {
    logs.createLogGroup(b -> b.logGroupName("/api/filter"));
    long t = System.currentTimeMillis() - 10_000;
    for (String stream : List.of("cmd/i-1/stdout", "cmd/i-2/stdout", "other/x")) {
      logs.createLogStream(b -> b.logGroupName("/api/filter").logStreamName(stream));
    }
    put("/api/filter", "cmd/i-1/stdout", event(t, "one ERROR"), event(t + 20, "three"));
    put("/api/filter", "cmd/i-2/stdout", event(t + 10, "two ERROR"));
    put("/api/filter", "other/x", event(t + 5, "not mine"));

    List<FilteredLogEvent> paged = new ArrayList<>();
    logs.filterLogEventsPaginator(
            b -> b.logGroupName("/api/filter").logStreamNamePrefix("cmd/").limit(1))
        .events()
        .forEach(paged::add);
    FilterLogEventsResponse errors =
        logs.filterLogEvents(b -> b.logGroupName("/api/filter").filterPattern("ERROR"));
    FilterLogEventsResponse named =
        logs.filterLogEvents(
            b -> b.logGroupName("/api/filter").logStreamNames("cmd/i-2/stdout", "other/x"));
    FilterLogEventsResponse window =
        logs.filterLogEvents(b -> b.logGroupName("/api/filter").startTime(t + 5).endTime(t + 10));

    assertThat(paged)
        .extracting(FilteredLogEvent::message)
        .containsExactly("one ERROR", "two ERROR", "three");
    assertThat(paged)
        .extracting(FilteredLogEvent::logStreamName)
        .containsExactly("cmd/i-1/stdout", "cmd/i-2/stdout", "cmd/i-1/stdout");
    assertThat(paged).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
    assertThat(errors.events())
        .extracting(FilteredLogEvent::message)
        .containsExactly("one ERROR", "two ERROR");
    assertThat(named.events())
        .extracting(FilteredLogEvent::message)
        .containsExactly("not mine", "two ERROR");
    assertThat(window.events())
        .extracting(FilteredLogEvent::message)
        .containsExactly("not mine", "two ERROR");
    assertThat(window.nextToken()).isNull();
    assertCode(
        "InvalidParameterException",
        () ->
            logs.filterLogEvents(
                b -> b.logGroupName("/api/filter").logStreamNames("a").logStreamNamePrefix("a")));
    assertCode(
        "InvalidParameterException",
        () ->
            logs.filterLogEvents(b -> b.logGroupName("/api/filter").filterPattern("{ $.a = 1 }")));
    assertCode(
        "ResourceNotFoundException", () -> logs.filterLogEvents(b -> b.logGroupName("/none")));
    assertThat(EMU.emulator().state().callCount("FilterLogEvents", "ok")).isGreaterThanOrEqualTo(6);
  }

  @Test
  void faults_throttleDenyErrorAndEmptyPages_asTheServiceAnswers() {
    try (SsmEmulator emu =
            SsmEmulator.builder()
                .instances(0)
                .faults(
                    "FilterLogEvents:throttle=1,DescribeLogGroups:deny=1,DeleteLogGroup:error=1,"
                        + "GetLogEvents:empty=1")
                .start();
        CloudWatchLogsClient faulty = emu.newLogsClient()) {
      CloudWatchLogsException throttled =
          error(() -> faulty.filterLogEvents(b -> b.logGroupName("/g")));
      CloudWatchLogsException denied = error(() -> faulty.describeLogGroups(b -> {}));
      CloudWatchLogsException unavailable =
          error(() -> faulty.deleteLogGroup(b -> b.logGroupName("/g")));

      assertThat(throttled.isThrottlingException()).isTrue();
      assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
      assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
      assertThat(denied.awsErrorDetails().errorMessage())
          .contains("not authorized to perform: logs:DescribeLogGroups");
      assertThat(unavailable.awsErrorDetails().errorCode())
          .isEqualTo("ServiceUnavailableException");
      assertThat(unavailable.statusCode()).isEqualTo(500);
      assertThat(emu.state().callCount("DescribeLogGroups", "AccessDeniedException")).isEqualTo(1);
      assertEmptyPagesMoveOn(faulty);
    }
  }

  /** With {@code GetLogEvents:empty=1} every page is empty, and its token never repeats. */
  private static void assertEmptyPagesMoveOn(CloudWatchLogsClient faulty) {
    faulty.createLogGroup(b -> b.logGroupName("/g"));
    faulty.createLogStream(b -> b.logGroupName("/g").logStreamName("s"));
    faulty.putLogEvents(
        b ->
            b.logGroupName("/g")
                .logStreamName("s")
                .logEvents(event(System.currentTimeMillis(), "m")));
    GetLogEventsResponse first =
        faulty.getLogEvents(b -> b.logGroupName("/g").logStreamName("s").startFromHead(true));
    GetLogEventsResponse second =
        faulty.getLogEvents(
            b -> b.logGroupName("/g").logStreamName("s").nextToken(first.nextForwardToken()));

    assertThat(first.events()).isEmpty();
    assertThat(second.events()).isEmpty();
    assertThat(second.nextForwardToken()).isNotEqualTo(first.nextForwardToken());
  }

  @Test
  void filterLogEvents_aboveFivePerSecond_throttled() {
    Clock frozen = Clock.fixed(Instant.now(), ZoneOffset.UTC); // no refill: exactly 5 fit
    try (SsmEmulator emu = SsmEmulator.builder().instances(0).clock(frozen).start();
        CloudWatchLogsClient client = emu.newLogsClient()) {
      client.createLogGroup(b -> b.logGroupName("/rate"));
      for (int i = 0; i < 5; i++) {
        client.filterLogEvents(b -> b.logGroupName("/rate"));
      }

      CloudWatchLogsException e = error(() -> client.filterLogEvents(b -> b.logGroupName("/rate")));

      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
      assertThat(emu.state().callCount("FilterLogEvents", "ok")).isEqualTo(5);
      assertThat(emu.state().callCount("FilterLogEvents", "ThrottlingException")).isEqualTo(4);
      assertThat(emu.state().callCount("GetLogEvents")).isZero();
      client.describeLogGroups(b -> {}); // other operations are not limited
    }
  }

  private PutLogEventsResponse put(String group, String stream, InputLogEvent... events) {
    return logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
  }

  private static InputLogEvent event(long timestamp, String message) {
    return InputLogEvent.builder().timestamp(timestamp).message(message).build();
  }

  private static List<String> messages(GetLogEventsResponse r) {
    return r.events().stream().map(OutputLogEvent::message).toList();
  }

  private static void assertCode(String code, Executable call) {
    assertThat(error(call).awsErrorDetails().errorCode()).isEqualTo(code);
  }

  private static CloudWatchLogsException error(Executable call) {
    CloudWatchLogsException e = catchThrowableOfType(CloudWatchLogsException.class, call::execute);
    assertThat(e).as("expected a CloudWatch Logs error").isNotNull();
    return e;
  }
}
