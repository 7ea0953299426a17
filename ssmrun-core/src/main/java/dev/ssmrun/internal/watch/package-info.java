/** Not API. Watching sent commands: probe, listings, trackers, results and the poll schedule. */
package dev.ssmrun.internal.watch;
