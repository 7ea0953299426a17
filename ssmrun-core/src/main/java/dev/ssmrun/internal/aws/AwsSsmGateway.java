package dev.ssmrun.internal.aws;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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

/**
 * {@link SsmGateway} over the real {@link SsmClient}, metering one run's calls. The SDK owns
 * retries of each call.
 */
public final class AwsSsmGateway implements SsmGateway {
  private static final int PAGE = 50;
  private static final int MAX_RECONCILE_PAGES = 10;

  private final SsmClient ssm;
  private final ThrottleMeter meter = new ThrottleMeter();

  /** A gateway with its own meter over {@code ssm}, which may be shared. */
  public AwsSsmGateway(SsmClient ssm) {
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

  /** Every item of a paged call, following next tokens for at most {@code maxPages} pages. */
  private static <R, T> List<T> pages(
      Function<String, R> call,
      Function<R, List<T>> items,
      Function<R, String> nextToken,
      int maxPages) {
    List<T> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      R page = call.apply(token);
      all.addAll(items.apply(page));
      token = nextToken.apply(page);
    } while (token != null && !token.isEmpty() && ++pages < maxPages);
    return all;
  }

  @Override
  public List<CommandInvocation> listInvocations(String commandId) {
    return pages(
        token ->
            ssm.listCommandInvocations(
                b ->
                    b.commandId(commandId)
                        .details(true)
                        .maxResults(PAGE)
                        .nextToken(token)
                        .overrideConfiguration(metered())),
        ListCommandInvocationsResponse::commandInvocations,
        ListCommandInvocationsResponse::nextToken,
        Integer.MAX_VALUE);
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
    CommandFilter filter =
        CommandFilter.builder()
            .key(CommandFilterKey.INVOKED_AFTER)
            .value(after.truncatedTo(ChronoUnit.SECONDS).toString())
            .build();
    return pages(
        token ->
            ssm.listCommands(
                b ->
                    b.filters(filter)
                        .maxResults(PAGE)
                        .nextToken(token)
                        .overrideConfiguration(metered())),
        ListCommandsResponse::commands,
        ListCommandsResponse::nextToken,
        MAX_RECONCILE_PAGES);
  }

  @Override
  public void cancel(String commandId, List<String> instanceIds) {
    ssm.cancelCommand(
        b ->
            b.commandId(commandId)
                .instanceIds(instanceIds.isEmpty() ? null : instanceIds)
                .overrideConfiguration(metered()));
  }

  @Override
  public List<InstanceInformation> describeInstances(
      List<InstanceInformationStringFilter> filters) {
    return pages(
        token ->
            ssm.describeInstanceInformation(
                b ->
                    b.filters(filters)
                        .maxResults(PAGE)
                        .nextToken(token)
                        .overrideConfiguration(metered())),
        DescribeInstanceInformationResponse::instanceInformationList,
        DescribeInstanceInformationResponse::nextToken,
        Integer.MAX_VALUE);
  }

  @Override
  public String region() {
    var region = ssm.serviceClientConfiguration().region();
    return region == null ? null : region.id();
  }

  @Override
  public long throttleCount() {
    return meter.count();
  }

  @Override
  public long callCount() {
    return meter.calls();
  }
}
