package dev.ssmrun.internal.staging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a staged run's setup file tells the bootstrap: the script and input to download, the
 * environment (plain and secret), the arguments, and each instance's result URL ({@code
 * resultUrls} null: no results are collected).
 */
record Setup(
    StagedObject script,
    StagedObject input,
    Map<String, String> environment,
    List<String> arguments,
    Map<String, String> resultUrls) {
  Setup {
    environment = new LinkedHashMap<>(environment);
    arguments = List.copyOf(arguments);
    resultUrls = resultUrls == null ? null : new LinkedHashMap<>(resultUrls);
  }

  boolean collectsResults() {
    return resultUrls != null;
  }

  /** Whether the setup would tell the sh bootstrap nothing beyond the script. */
  boolean onlyScript() {
    return input == null && environment.isEmpty() && arguments.isEmpty() && resultUrls == null;
  }
}
