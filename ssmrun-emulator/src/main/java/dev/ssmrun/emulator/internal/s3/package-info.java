/**
 * Not API. The embedded S3 (S3Proxy on loopback, in memory, SigV4 with the emulator's keys), the
 * agent's upload of full stdout and stderr into it ({@code OutputUploader}, {@code
 * S3OutputUploader}), and the SDK clients the emulator hands out, configured for local endpoints
 * with zero retry backoff ({@code Clients}).
 */
package dev.ssmrun.emulator.internal.s3;
