package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.CommandRecord;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Invocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** GetCommandInvocation and ListCommandInvocations, with the eventual-consistency window. */
final class InvocationOperations {
  private final Engine engine;

  InvocationOperations(Engine engine) {
    this.engine = engine;
  }

  ObjectNode get(Req req) {
    String commandId = commandId(req, true);
    String instanceId = instanceId(req, true);
    String pluginName = req.string("PluginName");
    if (pluginName != null) {
      Req.check(pluginName, "pluginName", 4, Integer.MAX_VALUE, null);
    }
    synchronized (engine.lock) {
      CommandRecord command = engine.commands.get(commandId);
      Invocation inv = command == null ? null : command.invocations.get(instanceId);
      if (inv == null || !visible(inv, engine.clock.instant())) {
        throw AwsError.bare("InvocationDoesNotExist");
      }
      if (pluginName != null && !pluginName.equals(command.document.pluginName)) {
        throw AwsError.bare("InvalidPluginName");
      }
      return Shapes.getInvocation(inv);
    }
  }

  ObjectNode list(Req req) {
    String commandId = commandId(req, false);
    String instanceId = instanceId(req, false);
    int maxResults = req.intInRange("MaxResults", "maxResults", 1, 50, 50);
    boolean details = req.bool("Details");
    CommandFilters filters = CommandFilters.of(req, false);
    synchronized (engine.lock) {
      Instant now = engine.clock.instant();
      List<Invocation> matching = new ArrayList<>();
      for (CommandRecord command : ListCommandsOperation.newestFirst(engine)) {
        if (commandId != null && !command.commandId.equals(commandId)) {
          continue;
        }
        for (Invocation inv : command.invocations.values()) {
          if (visible(inv, now)
              && (instanceId == null || inv.instance.id.equals(instanceId))
              && filters.matches(command, inv.status(), inv.details())) {
            matching.add(inv);
          }
        }
      }
      Paging.Page<Invocation> page = Paging.page(matching, req, maxResults);
      List<ObjectNode> items = new ArrayList<>();
      page.items()
          .forEach(
              inv -> items.add(Shapes.listedInvocation(inv, details, engine.settings.region())));
      return Shapes.page("CommandInvocations", items, page.nextToken());
    }
  }

  private static boolean visible(Invocation inv, Instant now) {
    return !now.isBefore(inv.visibleAt);
  }

  static String commandId(Req req, boolean required) {
    String id = required ? req.required("CommandId", "commandId") : req.string("CommandId");
    if (id != null) {
      Req.check(id, "commandId", 36, 36, null);
    }
    return id;
  }

  static String instanceId(Req req, boolean required) {
    String id = required ? req.required("InstanceId", "instanceId") : req.string("InstanceId");
    if (id != null) {
      SendCommandOperation.checkId(id, "instanceId");
    }
    return id;
  }
}
