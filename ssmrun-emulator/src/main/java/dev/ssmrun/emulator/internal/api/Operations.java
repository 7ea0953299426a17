package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.Engine;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The operations the emulator implements, by their {@code X-Amz-Target} name per service. */
public final class Operations {
  private Operations() {}

  /**
   * Each SSM operation's handler (Run Command and Parameter Store): validates the request, acts on
   * {@code engine}, shapes the answer.
   */
  public static Map<String, Function<Req, ObjectNode>> of(Engine engine) {
    SendCommandOperation send = new SendCommandOperation(engine);
    InvocationOperations invocations = new InvocationOperations(engine);
    ListCommandsOperation commands = new ListCommandsOperation(engine);
    DescribeInstancesOperation instances = new DescribeInstancesOperation(engine);
    ParameterOperations parameters = new ParameterOperations(engine);
    Map<String, Function<Req, ObjectNode>> operations = new TreeMap<>();
    operations.put("SendCommand", send::handle);
    operations.put("GetCommandInvocation", invocations::get);
    operations.put("ListCommandInvocations", invocations::list);
    operations.put("ListCommands", commands::list);
    operations.put("CancelCommand", commands::cancel);
    operations.put("DescribeInstanceInformation", instances::describe);
    operations.put("PutParameter", parameters::put);
    operations.put("GetParameter", parameters::get);
    operations.put("GetParameters", parameters::getMany);
    operations.put("DeleteParameter", parameters::delete);
    operations.put("DescribeParameters", parameters::describe);
    return Map.copyOf(operations);
  }

  /** Each CloudWatch Logs operation's handler, on {@code engine}'s log store. */
  public static Map<String, Function<Req, ObjectNode>> logs(Engine engine) {
    LogsOperations logs = new LogsOperations(engine);
    Map<String, Function<Req, ObjectNode>> operations = new TreeMap<>();
    operations.put("CreateLogGroup", logs::createLogGroup);
    operations.put("CreateLogStream", logs::createLogStream);
    operations.put("PutLogEvents", logs::putLogEvents);
    operations.put("DescribeLogGroups", logs::describeLogGroups);
    operations.put("DescribeLogStreams", logs::describeLogStreams);
    operations.put("GetLogEvents", logs::getLogEvents);
    operations.put("FilterLogEvents", logs::filterLogEvents);
    operations.put("DeleteLogGroup", logs::deleteLogGroup);
    operations.put("DeleteLogStream", logs::deleteLogStream);
    operations.replaceAll((name, handler) -> LogsOperations.logs(handler));
    return Map.copyOf(operations);
  }
}
