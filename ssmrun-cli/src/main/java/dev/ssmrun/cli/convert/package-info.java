/** Option values and their converters: durations, failure policies, fault specs, Key=Value. Not API. */
package dev.ssmrun.cli.convert;
