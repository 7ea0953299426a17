package dev.ssmrun.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandFilter;
import software.amazon.awssdk.services.ssm.model.CommandFilterKey;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvalidCommandIdException;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsResponse;
import software.amazon.awssdk.services.ssm.model.ListCommandsResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** {@link SsmGateway} over the real {@link SsmClient}. The SDK owns retries of each call. */
final class AwsSsmGateway implements SsmGateway {
  private static final int PAGE = 50;
  private static final int MAX_RECONCILE_PAGES = 10;

  private final SsmClient ssm;
  private final ThrottleMeter meter = new ThrottleMeter();

  AwsSsmGateway(SsmClient ssm) {
    this.ssm = ssm;
  }

  private AwsRequestOverrideConfiguration metered() {
    return AwsRequestOverrideConfiguration.builder().addMetricPublisher(meter).build();
  }

  @Override
  public Command sendCommand(SendCommandRequest request) {
    AwsRequestOverrideConfiguration override =
        AwsRequestOverrideConfiguration.builder()
            .addMetricPublisher(meter)
            .addPlugin(new SendRetryGuard())
            .build();
    return ssm.sendCommand(request.toBuilder().overrideConfiguration(override).build()).command();
  }

  @Override
  public List<CommandInvocation> listInvocations(String commandId) {
    List<CommandInvocation> all = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListCommandInvocationsResponse page = ssm.listCommandInvocations(
          b -> b.commandId(commandId).details(true).maxResults(PAGE).nextToken(next)
              .overrideConfiguration(metered()));
      all.addAll(page.commandInvocations());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return all;
  }

  @Override
  public GetCommandInvocationResponse getInvocation(String commandId, String instanceId) {
    return ssm.getCommandInvocation(
        b -> b.commandId(commandId).instanceId(instanceId).overrideConfiguration(metered()));
  }

  @Override
  public Optional<Command> findCommand(String commandId) {
    try {
      ListCommandsResponse response =
          ssm.listCommands(b -> b.commandId(commandId).overrideConfiguration(metered()));
      return response.commands().stream().filter(c -> commandId.equals(c.commandId())).findFirst();
    } catch (InvalidCommandIdException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Command> listCommandsSince(Instant after) {
    CommandFilter filter = CommandFilter.builder().key(CommandFilterKey.INVOKED_AFTER)
        .value(after.truncatedTo(ChronoUnit.SECONDS).toString()).build();
    List<Command> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListCommandsResponse page = ssm.listCommands(b -> b.filters(filter).maxResults(PAGE)
          .nextToken(next).overrideConfiguration(metered()));
      all.addAll(page.commands());
      token = page.nextToken();
    } while (token != null && !token.isEmpty() && ++pages < MAX_RECONCILE_PAGES);
    return all;
  }

  @Override
  public void cancel(String commandId, List<String> instanceIds) {
    ssm.cancelCommand(b -> b.commandId(commandId).instanceIds(instanceIds.isEmpty() ? null
        : instanceIds).overrideConfiguration(metered()));
  }

  @Override
  public List<InstanceInformation> describeInstances(
      List<InstanceInformationStringFilter> filters) {
    List<InstanceInformation> all = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      DescribeInstanceInformationResponse page = ssm.describeInstanceInformation(
          b -> b.filters(filters).maxResults(PAGE).nextToken(next)
              .overrideConfiguration(metered()));
      all.addAll(page.instanceInformationList());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return all;
  }

  @Override
  public long throttleCount() {
    return meter.count();
  }
}
