/**
 * Not API. The SSM operations (SendCommand, GetCommandInvocation, ListCommandInvocations,
 * ListCommands, CancelCommand, DescribeInstanceInformation): request reading ({@code Req}),
 * validation with the service's error codes ({@code AwsError}), document parameters, target
 * resolution, filters, paging tokens, and the response shapes. {@code Operations} is the only entry
 * point; the handlers read and change the state of {@code internal} under its lock.
 */
package dev.ssmrun.emulator.internal.api;
