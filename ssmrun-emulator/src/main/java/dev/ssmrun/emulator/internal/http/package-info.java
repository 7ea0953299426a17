/**
 * Not API. The SSM endpoint on the wire: a JDK HTTP server on loopback speaking AWS JSON 1.1
 * ({@code X-Amz-Target}, {@code x-amzn-RequestId}, {@code Date}, error bodies with a bare {@code
 * __type}), SigV4 verification with the emulator's keys, the injected faults that act before or
 * after an operation (throttling, errors, latency, lost answers), call recording, and {@code GET
 * /_emulator/state}. It hands each request to the handlers of {@code internal.api}.
 */
package dev.ssmrun.emulator.internal.http;
