package dev.ssmrun.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** Forwards every call; tests override the one they want to change. */
class DelegatingGateway implements SsmGateway {
  private final SsmGateway delegate;

  DelegatingGateway(SsmGateway delegate) {
    this.delegate = delegate;
  }

  @Override
  public Command sendCommand(SendCommandRequest request) {
    return delegate.sendCommand(request);
  }

  @Override
  public List<CommandInvocation> listInvocations(String commandId) {
    return delegate.listInvocations(commandId);
  }

  @Override
  public GetCommandInvocationResponse getInvocation(String commandId, String instanceId) {
    return delegate.getInvocation(commandId, instanceId);
  }

  @Override
  public Optional<Command> findCommand(String commandId) {
    return delegate.findCommand(commandId);
  }

  @Override
  public List<Command> listCommandsSince(Instant after) {
    return delegate.listCommandsSince(after);
  }

  @Override
  public void cancel(String commandId, List<String> instanceIds) {
    delegate.cancel(commandId, instanceIds);
  }

  @Override
  public List<InstanceInformation> describeInstances(
      List<InstanceInformationStringFilter> filters) {
    return delegate.describeInstances(filters);
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
