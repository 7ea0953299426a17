/**
 * Not API. Live output: the CloudWatch Logs port and the tail that turns a command's log events
 * into exactly-once output chunks per instance and stream.
 */
package dev.ssmrun.internal.live;
