package dev.ssmrun.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the emulator has seen and done, as served at {@code GET /_emulator/state}. The engine hands
 * out unmodifiable maps and lists, so a snapshot never changes.
 */
public record StateSnapshot(
    Map<String, Map<String, Integer>> calls,
    Map<String, Integer> executions,
    Map<String, Integer> invocations,
    int commands,
    List<Call> recordedCalls) {

  /** One call: operation, outcome ({@code ok}, {@code lost} or the error code), raw body. */
  public record Call(String operation, String outcome, String body, Instant time) {}

  /** The JSON document: calls, executions, invocations and the number of commands. */
  public String toJson() {
    ObjectNode root = Json.object();
    root.set("calls", Json.MAPPER.valueToTree(calls));
    root.set("executions", Json.MAPPER.valueToTree(executions));
    root.set("invocations", Json.MAPPER.valueToTree(invocations));
    root.put("commands", commands);
    try {
      return Json.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
