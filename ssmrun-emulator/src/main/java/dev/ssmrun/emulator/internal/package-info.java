/**
 * Not API; may change in any release. The emulator's service side: HTTP and SigV4, operations
 * and validation, the invocation state machine, the simulated agent that runs real processes, and
 * the embedded S3.
 */
package dev.ssmrun.emulator.internal;
