package dev.ssmrun.internal.fake;

import dev.ssmrun.internal.aws.SsmGateway;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** Forwards every call through {@link #call}; tests override the one they want to change. */
public class DelegatingGateway implements SsmGateway {
  private final SsmGateway delegate;

  public DelegatingGateway(SsmGateway delegate) {
    this.delegate = delegate;
  }

  /** Every call goes through here. */
  protected <T> T call(Supplier<T> call) {
    return call.get();
  }

  @Override
  public Command sendCommand(SendCommandRequest request) {
    return call(() -> delegate.sendCommand(request));
  }

  @Override
  public List<CommandInvocation> listInvocations(String commandId) {
    return call(() -> delegate.listInvocations(commandId));
  }

  @Override
  public GetCommandInvocationResponse getInvocation(String commandId, String instanceId) {
    return call(() -> delegate.getInvocation(commandId, instanceId));
  }

  @Override
  public Optional<Command> findCommand(String commandId) {
    return call(() -> delegate.findCommand(commandId));
  }

  @Override
  public List<Command> listCommandsSince(Instant after) {
    return call(() -> delegate.listCommandsSince(after));
  }

  @Override
  public void cancel(String commandId, List<String> instanceIds) {
    call(
        () -> {
          delegate.cancel(commandId, instanceIds);
          return null;
        });
  }

  @Override
  public List<InstanceInformation> describeInstances(
      List<InstanceInformationStringFilter> filters) {
    return call(() -> delegate.describeInstances(filters));
  }

  @Override
  public String region() {
    return delegate.region();
  }

  @Override
  public long throttleCount() {
    return delegate.throttleCount();
  }

  @Override
  public long callCount() {
    return delegate.callCount();
  }
}
