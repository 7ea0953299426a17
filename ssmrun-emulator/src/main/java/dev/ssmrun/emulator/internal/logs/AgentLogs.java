package dev.ssmrun.emulator.internal.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The agents' side of CloudWatch Logs: creates a command's log group when a plugin starts and
 * publishes its output (agent {@code iohandler.go}, {@code fileS3.go}). Instances without Logs
 * access publish nothing. Thread-safe; close it to stop every publisher.
 */
public final class AgentLogs implements AutoCloseable {
  /** The agent's default group prefix, followed by the document name. */
  static final String DEFAULT_GROUP_PREFIX = "/aws/ssm/";

  private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]{1,512}");
  private static final Pattern NOT_IN_GROUP_NAME = Pattern.compile("[^a-zA-Z0-9_\\-/.#]");

  private final LogStore store;
  private final Clock clock;
  private final LogsSettings settings;
  private final ScheduledThreadPoolExecutor scheduler;
  private final Set<String> withoutAccess = ConcurrentHashMap.newKeySet();

  /** Publishes into {@code store} with the times of {@code clock}. */
  public AgentLogs(LogStore store, Clock clock, LogsSettings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    AtomicInteger count = new AtomicInteger();
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "ssm-agent-logs-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true);
  }

  /** The agent of {@code instanceId} has no permission to write to CloudWatch Logs. */
  public void denyAccess(String instanceId) {
    withoutAccess.add(instanceId);
  }

  /**
   * The log group a SendCommand request's {@code CloudWatchOutputConfig} names: its {@code
   * CloudWatchLogGroupName}, or {@code /aws/ssm/<DocumentName>}; null when output is not enabled.
   */
  public static String groupFor(JsonNode request, String documentName) {
    JsonNode config = request.path("CloudWatchOutputConfig");
    if (!config.path("CloudWatchOutputEnabled").asBoolean(false)) {
      return null;
    }
    String given = config.path("CloudWatchLogGroupName").asText("");
    return given.isEmpty()
        ? DEFAULT_GROUP_PREFIX + NOT_IN_GROUP_NAME.matcher(documentName).replaceAll(".")
        : given;
  }

  /**
   * Starts publishing one plugin run: creates {@code group} if missing, then tails {@code stdout}
   * and {@code stderr} into {@code <streamPrefix>/stdout} and {@code /stderr}. Publishes nothing
   * when {@code group} is null, the instance has no access, or the group cannot be created.
   *
   * @param streamPrefix {@code <CommandId>/<InstanceId>/<plugin id with ':' and '*' as '-'>}
   */
  public Publication start(
      String instanceId, String group, String streamPrefix, Path stdout, Path stderr) {
    if (group == null
        || withoutAccess.contains(instanceId)
        || !GROUP_NAME.matcher(group).matches()) {
      return Publication.NONE; // the agent switches streaming off when CreateLogGroup fails
    }
    store.createGroup(group, clock.millis());
    Publication publication =
        new Publication(
            new StreamTail(store, clock, group, streamPrefix + "/stdout", stdout),
            new StreamTail(store, clock, group, streamPrefix + "/stderr", stderr),
            scheduler,
            settings.finalUploadDelay());
    publication.start(settings.uploadInterval());
    return publication;
  }

  /** The stream prefix of a plugin run: {@code :} and {@code *} in the plugin id become {@code -}. */
  public static String streamPrefix(String commandId, String instanceId, String pluginId) {
    return commandId + "/" + instanceId + "/" + pluginId.replace(':', '-').replace('*', '-');
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
