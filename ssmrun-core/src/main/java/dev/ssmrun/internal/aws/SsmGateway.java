package dev.ssmrun.internal.aws;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/**
 * The SSM calls the engine makes: a narrow port, faked in unit tests. One instance per run, so
 * that each run meters its own calls and throttling.
 */
public interface SsmGateway {
  /**
   * Sends a command. Retries only what cannot duplicate it (throttling); any other failure is
   * thrown so that the caller can reconcile before sending again.
   */
  Command sendCommand(SendCommandRequest request);

  /** Every invocation of {@code commandId}, with plugin details, in pages of 50. */
  List<CommandInvocation> listInvocations(String commandId);

  /** One invocation's full inline output. */
  GetCommandInvocationResponse getInvocation(String commandId, String instanceId);

  /** The command, if SSM shows it. */
  Optional<Command> findCommand(String commandId);

  /** Commands requested after {@code after}, newest first, for reconciling lost sends. */
  List<Command> listCommandsSince(Instant after);

  /** Cancels {@code commandId} on {@code instanceIds}, or everywhere if empty. */
  void cancel(String commandId, List<String> instanceIds);

  /** Managed instances matching every filter. */
  List<InstanceInformation> describeInstances(List<InstanceInformationStringFilter> filters);

  /** The region the SSM client calls, e.g. {@code us-east-1}; null if unknown. */
  String region();

  /** How many calls were throttled so far, retried or not; only ever grows. */
  long throttleCount();

  /** How many calls were made so far; only ever grows. */
  long callCount();
}
