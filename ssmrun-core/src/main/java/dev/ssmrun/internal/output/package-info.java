/**
 * Not API. Whole output of finished invocations: read from S3 (every StandardOutputUrl form,
 * parallel ranges for large objects) off the run's driver, bounded in memory, streamed to the
 * request's sink, and the script's result.
 */
package dev.ssmrun.internal.output;
