/**
 * Not API: the engine behind {@link dev.ssmrun.SsmRunner}. May change in any release.
 *
 * <p>A map, in the order a run goes through it:
 *
 * <ul>
 *   <li>{@code run}: {@code DefaultSsmRunner} creates one {@code Run} per request (or per {@code
 *       attach}) and drives it: on the caller's thread for {@code run()}, from a scheduler for
 *       {@code start()}, {@code runAsync()} and {@code attach()}. {@code Run} is the state machine
 *       (launch, watch, drain after a cancel, resolve the output still being read, done); each
 *       step makes one round of API calls and returns the delay before the next; whatever way the
 *       run ends, it first runs its {@code RunCleanup} (staged objects are deleted). Its state is confined to the driving thread; other
 *       threads only set the cancel flag and read a volatile progress snapshot, so they never
 *       wait for an SDK call. {@code RunOutcome} shapes the result or the one exception.
 *   <li>{@code send}: how a run gets its commands. {@code Dispatch} runs the pre-flight check,
 *       then the payload stage ({@code PayloadStage}, giving a {@code Delivery}), renders the
 *       requests ({@code Scripts}, {@code SendRequests}, {@code MaxErrors}) and sends one
 *       SendCommand per 50 instances through {@code CommandSender}, which never sends twice;
 *       {@code Attachment} finds commands sent elsewhere. Both implement {@code Launch}.
 *   <li>{@code staging}: the payload stage ({@code Stager}): inline when it fits, else script,
 *       setup and input uploaded to the run's folder ({@code RunFolder}) and a bootstrap sent
 *       instead ({@code ShellBootstrap}, {@code PowerShellBootstrap}); bucket checks before
 *       anything is sent ({@code Buckets}); the run's cleanup ({@code RunCleanup}).
 *   <li>{@code watch}: {@code Watch} holds one {@code CommandTracker} per command; a poll probes
 *       a fleet with ListCommands ({@code CommandProbe}), lists the commands with news ({@code
 *       Poller}) and builds results ({@code Results}, {@code Outcomes}); {@code PollSchedule}
 *       decides the next delay.
 *   <li>{@code output}: per finished invocation, off the driver ({@code OutputResolver} on the
 *       runner's transfer threads): whole stdout and stderr from S3 ({@code S3Urls}, {@code
 *       ObjectReader}, parallel ranges for large objects), bounded in memory ({@code Capture}),
 *       the script's result, the request's sink. The run ends once all are resolved.
 *   <li>{@code aws}: the narrow SSM port ({@code SsmGateway}) over the SDK, one per run so that
 *       each run meters its own calls and throttling, and the SendCommand retry guard; the S3
 *       port ({@code S3Gateway}: objects, presigned URLs, credential expiry).
 *   <li>{@code json}: JSON for script input and results through the optional Jackson.
 * </ul>
 */
package dev.ssmrun.internal;
