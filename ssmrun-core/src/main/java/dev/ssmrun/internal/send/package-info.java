/**
 * Not API. How a run gets its commands: pre-flight, rendering, sending at most once, or finding
 * commands to attach to.
 */
package dev.ssmrun.internal.send;
