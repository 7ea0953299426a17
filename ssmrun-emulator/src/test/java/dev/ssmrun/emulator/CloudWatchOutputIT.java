package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * The agent publishes output to CloudWatch Logs as the real one does; read back with the SDK's
 * CloudWatchLogsClient. Each test has its own emulator, so they run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class CloudWatchOutputIT {
  private static final String DEFAULT_GROUP = "/aws/ssm/AWS-RunShellScript";

  /** An upload interval no script here outlasts: all output goes in the final upload. */
  private static final Duration NO_TICKS = Duration.ofHours(1);

  @Test
  void linesArriveWhileTheScriptRuns_completeLinesOnly() throws Exception {
    // The test opens the gate from the host, so the instance must see the host's files.
    try (SsmEmulator emu = start(SsmEmulator.builder().isolation(Isolation.SHARED_HOST));
        SsmClient ssm = emu.newSsmClient();
        CloudWatchLogsClient logs = emu.newLogsClient()) {
      String id = emu.instanceIds().get(0);
      Path gate = emu.instanceDirectory(id).resolve("work/gate"); // on the host: shared host only
      String cmd =
          send(
              ssm,
              id,
              null,
              "echo one",
              "printf 'two\\npart'",
              "while [ ! -f '" + gate + "' ]; do sleep 0.05; done",
              "echo ial");
      String prefix = cmd + "/" + id + "/aws-runShellScript/";

      List<FilteredLogEvent> early = waitForEvents(logs, DEFAULT_GROUP, cmd, 1);
      String running =
          ssm.getCommandInvocation(b -> b.commandId(cmd).instanceId(id)).statusAsString();
      String seen = String.join("", early.stream().map(FilteredLogEvent::message).toList());
      Files.createFile(gate);
      GetCommandInvocationResponse done = Poll.terminal(ssm, cmd, id);
      List<FilteredLogEvent> all = waitForEvents(logs, DEFAULT_GROUP, cmd, "partial");

      assertThat(running).isEqualTo("InProgress");
      assertThat(early.get(0).logStreamName()).isEqualTo(prefix + "stdout");
      assertThat(seen).startsWith("one\n").doesNotContain("part"); // no partial line yet
      assertThat(done.standardOutputContent()).isEqualTo("one\ntwo\npartial\n");
      assertThat(String.join("", all.stream().map(FilteredLogEvent::message).toList()))
          .isEqualTo("one\ntwo\npartial"); // the agent drops the last event's final newline
      assertThat(streams(logs, DEFAULT_GROUP)).containsExactly(prefix + "stdout"); // no stderr
    }
  }

  @Test
  void lastEventsLandAfterTheStatusIsTerminal_timestampIsUploadTime() {
    // No wake-up while the short script runs: everything goes in the final upload.
    try (SsmEmulator emu =
            start(SsmEmulator.builder().finalLogUploadDelay(Duration.ofSeconds(3)), NO_TICKS);
        SsmClient ssm = emu.newSsmClient();
        CloudWatchLogsClient logs = emu.newLogsClient()) {
      String id = emu.instanceIds().get(0);
      String cmd = send(ssm, id, "/team/out", "echo last", "echo oops >&2");

      GetCommandInvocationResponse done = Poll.terminal(ssm, cmd, id);
      List<FilteredLogEvent> atTerminal = filter(logs, "/team/out", cmd);
      List<FilteredLogEvent> later = waitForEvents(logs, "/team/out", cmd, 2);

      assertThat(done.statusAsString()).isEqualTo("Success");
      assertThat(atTerminal).isEmpty();
      assertThat(later)
          .extracting(FilteredLogEvent::logStreamName, FilteredLogEvent::message)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  cmd + "/" + id + "/aws-runShellScript/stdout", "last"),
              org.assertj.core.groups.Tuple.tuple(
                  cmd + "/" + id + "/aws-runShellScript/stderr", "oops"));
      long end = Instant.parse(done.executionEndDateTime()).toEpochMilli();
      assertThat(later).allMatch(e -> e.timestamp() >= end && e.ingestionTime() >= end);
    }
  }

  @Test
  void outputBeyondTheInlineLimit_publishedInFull() {
    // Faults hit callers only: the agents write to the log store directly.
    try (SsmEmulator emu =
            start(
                SsmEmulator.builder()
                    .finalLogUploadDelay(Duration.ZERO)
                    .faults("CreateLogGroup:error=1,CreateLogStream:error=1,PutLogEvents:error=1"),
                NO_TICKS);
        SsmClient ssm = emu.newSsmClient();
        CloudWatchLogsClient logs = emu.newLogsClient()) {
      String id = emu.instanceIds().get(0);
      String cmd = send(ssm, id, null, "seq 1 50000");
      StringBuilder expected = new StringBuilder();
      for (int i = 1; i <= 50000; i++) {
        expected.append(i).append('\n');
      }

      GetCommandInvocationResponse done = Poll.terminal(ssm, cmd, id);
      List<String> events = new ArrayList<>();
      logs.getLogEventsPaginator(
              b ->
                  b.logGroupName(DEFAULT_GROUP)
                      .logStreamName(cmd + "/" + id + "/aws-runShellScript/stdout")
                      .startFromHead(true))
          .events()
          .forEach(e -> events.add(e.message()));

      assertThat(done.standardOutputContent()).hasSize(24_000).endsWith("--output truncated--");
      assertThat(events).hasSizeGreaterThan(1).allMatch(m -> m.length() <= 200_000);
      // No wake-ups, zero final delay: one final upload, there before the terminal status.
      assertThat(String.join("\n", events) + "\n").isEqualTo(expected.toString());
    }
  }

  @Test
  void noLogsAccessOrOutputDisabled_noGroupEver_commandRunsAsUsual() {
    try (SsmEmulator emu =
            start(
                SsmEmulator.builder()
                    .instances(1)
                    .addInstance(InstanceSpec.builder().cloudWatchLogs(false).build()));
        SsmClient ssm = emu.newSsmClient();
        CloudWatchLogsClient logs = emu.newLogsClient()) {
      String denied = emu.instanceIds().get(1);
      String plain = emu.instanceIds().get(0);
      String cmd = send(ssm, denied, "/denied", "echo hidden");
      String off = Poll.send(ssm, List.of(plain), "echo not published");

      assertThat(Poll.terminal(ssm, cmd, denied).standardOutputContent()).isEqualTo("hidden\n");
      assertThat(Poll.terminal(ssm, off, plain).statusAsString()).isEqualTo("Success");
      assertThat(logs.describeLogGroups(b -> {}).logGroups()).isEmpty();
    }
  }

  private static SsmEmulator start(SsmEmulator.Builder builder) {
    return start(builder, Duration.ofMillis(200));
  }

  private static SsmEmulator start(SsmEmulator.Builder builder, Duration uploadInterval) {
    return builder
        .visibilityDelay(Duration.ZERO)
        .logUploadInterval(uploadInterval)
        .filterLogEventsRate(1000)
        .start();
  }

  /** Sends with CloudWatch output on, to {@code group} (null: the default group). */
  private static String send(SsmClient ssm, String id, String group, String... commands) {
    return ssm.sendCommand(
            Poll.shell(List.of(id), commands)
                .parameters(Map.of("commands", List.of(commands)))
                .cloudWatchOutputConfig(
                    c -> c.cloudWatchOutputEnabled(true).cloudWatchLogGroupName(group))
                .build())
        .command()
        .commandId();
  }

  private static List<FilteredLogEvent> filter(
      CloudWatchLogsClient logs, String group, String cmd) {
    List<FilteredLogEvent> out = new ArrayList<>();
    try {
      logs.filterLogEventsPaginator(b -> b.logGroupName(group).logStreamNamePrefix(cmd + "/"))
          .events()
          .forEach(out::add);
    } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
      return out; // the group appears with the first invocation
    }
    return out;
  }

  private static List<FilteredLogEvent> waitForEvents(
      CloudWatchLogsClient logs, String group, String cmd, int count) {
    return waitFor(logs, group, cmd, events -> events.size() >= count);
  }

  private static List<FilteredLogEvent> waitForEvents(
      CloudWatchLogsClient logs, String group, String cmd, String text) {
    return waitFor(
        logs,
        group,
        cmd,
        events ->
            String.join("", events.stream().map(FilteredLogEvent::message).toList())
                .contains(text));
  }

  /** Polls FilterLogEvents for the command's streams until {@code done} holds. */
  private static List<FilteredLogEvent> waitFor(
      CloudWatchLogsClient logs,
      String group,
      String cmd,
      java.util.function.Predicate<List<FilteredLogEvent>> done) {
    List<List<FilteredLogEvent>> last = new ArrayList<>(List.of(List.of()));
    Poll.until(
        () -> {
          last.set(0, filter(logs, group, cmd));
          return done.test(last.get(0));
        });
    return last.get(0);
  }

  private static List<String> streams(CloudWatchLogsClient logs, String group) {
    return logs.describeLogStreams(b -> b.logGroupName(group)).logStreams().stream()
        .map(LogStream::logStreamName)
        .toList();
  }
}
