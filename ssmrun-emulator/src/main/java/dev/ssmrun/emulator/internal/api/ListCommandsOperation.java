package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.CommandRecord;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Invocation;
import dev.ssmrun.emulator.internal.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** ListCommands and CancelCommand. */
final class ListCommandsOperation {
  private final Engine engine;

  ListCommandsOperation(Engine engine) {
    this.engine = engine;
  }

  ObjectNode list(Req req) {
    String commandId = InvocationOperations.commandId(req, false);
    String instanceId = InvocationOperations.instanceId(req, false);
    int maxResults = req.intInRange("MaxResults", "maxResults", 1, 50, 50);
    CommandFilters filters = CommandFilters.of(req, true);
    synchronized (engine.lock) {
      if (commandId != null && !engine.commands.containsKey(commandId)) {
        throw AwsError.bare("InvalidCommandId");
      }
      List<CommandRecord> matching = new ArrayList<>();
      for (CommandRecord command : newestFirst(engine)) {
        if ((commandId == null || command.commandId.equals(commandId))
            && (instanceId == null || command.invocations.containsKey(instanceId))
            && filters.matches(command, command.status(), command.details())) {
          matching.add(command);
        }
      }
      Paging.Page<CommandRecord> page = Paging.page(matching, req, maxResults);
      List<ObjectNode> items = new ArrayList<>();
      page.items().forEach(c -> items.add(Shapes.command(c, engine.settings.region())));
      return Shapes.page("Commands", items, page.nextToken());
    }
  }

  ObjectNode cancel(Req req) {
    String commandId = InvocationOperations.commandId(req, true);
    List<String> ids = req.strings("InstanceIds");
    if (ids.size() > 50) {
      throw AwsError.validation(
          ids.toString(), "instanceIds", "Member must have length less than or equal to 50");
    }
    SendCommandOperation.checkIds(ids, "instanceIds");
    if (new LinkedHashSet<>(ids).size() != ids.size()) {
      throw AwsError.bare("DuplicateInstanceId");
    }
    CommandRecord command;
    List<Invocation> targets = new ArrayList<>();
    synchronized (engine.lock) {
      command = engine.commands.get(commandId);
      if (command == null) {
        throw AwsError.bare("InvalidCommandId");
      }
      for (String id : ids) {
        Invocation inv = command.invocations.get(id);
        if (inv == null) {
          throw AwsError.of(
              "InvalidInstanceId", "Instance " + id + " is not part of command " + commandId + ".");
        }
        targets.add(inv);
      }
      if (ids.isEmpty()) {
        targets.addAll(command.invocations.values());
      }
    }
    engine.dispatcher.cancel(command, targets, ids.isEmpty());
    return Json.object();
  }

  /** Commands, most recent first (the order the service lists them in). Call under the lock. */
  static List<CommandRecord> newestFirst(Engine engine) {
    List<CommandRecord> all = new ArrayList<>(engine.commands.values());
    Collections.reverse(all);
    return all;
  }
}
