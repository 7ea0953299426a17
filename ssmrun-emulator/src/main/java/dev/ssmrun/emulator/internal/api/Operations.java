package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.Engine;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The SSM operations the emulator implements, by their {@code X-Amz-Target} name. */
public final class Operations {
  private Operations() {}

  /** Each operation's handler: validates the request, acts on {@code engine}, shapes the answer. */
  public static Map<String, Function<Req, ObjectNode>> of(Engine engine) {
    SendCommandOperation send = new SendCommandOperation(engine);
    InvocationOperations invocations = new InvocationOperations(engine);
    ListCommandsOperation commands = new ListCommandsOperation(engine);
    DescribeInstancesOperation instances = new DescribeInstancesOperation(engine);
    Map<String, Function<Req, ObjectNode>> operations = new TreeMap<>();
    operations.put("SendCommand", send::handle);
    operations.put("GetCommandInvocation", invocations::get);
    operations.put("ListCommandInvocations", invocations::list);
    operations.put("ListCommands", commands::list);
    operations.put("CancelCommand", commands::cancel);
    operations.put("DescribeInstanceInformation", instances::describe);
    return Map.copyOf(operations);
  }
}
