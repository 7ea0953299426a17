/**
 * Not API: the engine behind {@link dev.ssmrun.SsmRunner}. May change in any release.
 *
 * <p>A map, in the order a run goes through it:
 *
 * <ul>
 *   <li>{@code run}: {@code DefaultSsmRunner} creates one {@code Run} per request (or per {@code
 *       attach}) and drives it: on the caller's thread for {@code run()}, from a scheduler for
 *       {@code start()}, {@code runAsync()} and {@code attach()}. {@code Run} is the state machine
 *       (launch, watch, drain after a cancel, done); each step makes one round of API calls and
 *       returns the delay before the next. Its state is confined to the driving thread; other
 *       threads only set the cancel flag and read a volatile progress snapshot, so they never
 *       wait for an SDK call. {@code RunOutcome} shapes the result or the one exception.
 *   <li>{@code send}: how a run gets its commands. {@code Dispatch} runs the pre-flight check,
 *       renders the payload ({@code Scripts}, {@code SendRequests}, {@code MaxErrors}) and sends
 *       one SendCommand per 50 instances through {@code CommandSender}, which never sends twice;
 *       {@code Attachment} finds commands sent elsewhere. Both implement {@code Launch}. (Staging
 *       large payloads through S3 is a new {@code Launch} stage here.)
 *   <li>{@code watch}: {@code Watch} holds one {@code CommandTracker} per command; a poll probes
 *       a fleet with ListCommands ({@code CommandProbe}), lists the commands with news ({@code
 *       Poller}) and builds results ({@code Results}, {@code Outcomes}); {@code PollSchedule}
 *       decides the next delay.
 *   <li>{@code output}: per finished invocation, the whole output from S3 when SSM truncated it.
 *   <li>{@code aws}: the narrow SSM port ({@code SsmGateway}) over the SDK, one per run so that
 *       each run meters its own calls and throttling, and the SendCommand retry guard.
 * </ul>
 */
package dev.ssmrun.internal;
