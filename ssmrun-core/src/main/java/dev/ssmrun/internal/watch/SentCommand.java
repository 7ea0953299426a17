package dev.ssmrun.internal.watch;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ssm.model.CloudWatchOutputConfig;
import software.amazon.awssdk.services.ssm.model.Command;

/**
 * A command SSM accepted: its id, the instances it was sent to (empty for tag targets, which SSM
 * resolves), when it was requested, when SSM gives up on it ({@code ExpiresAfter}; null if
 * unknown), and the CloudWatch log group its output goes to (null if none).
 */
public record SentCommand(
    String commandId,
    List<String> instanceIds,
    Instant sentAt,
    Instant expiresAfter,
    String logGroup) {
  public SentCommand {
    instanceIds = List.copyOf(instanceIds);
  }

  /** What SSM answered (or listed) for a command sent to {@code instanceIds} at {@code sentAt}. */
  public static SentCommand of(Command command, List<String> instanceIds, Instant sentAt) {
    return new SentCommand(
        command.commandId(), instanceIds, sentAt, command.expiresAfter(), logGroup(command));
  }

  /** The group SSM writes the command's output to: the one named, or {@code /aws/ssm/<doc>}. */
  private static String logGroup(Command command) {
    CloudWatchOutputConfig config = command.cloudWatchOutputConfig();
    if (config == null || !Boolean.TRUE.equals(config.cloudWatchOutputEnabled())) {
      return null;
    }
    String group = config.cloudWatchLogGroupName();
    return group == null || group.isEmpty() ? "/aws/ssm/" + command.documentName() : group;
  }

  /** True if SSM resolves the instances from tag targets. */
  public boolean byTags() {
    return instanceIds.isEmpty();
  }
}
