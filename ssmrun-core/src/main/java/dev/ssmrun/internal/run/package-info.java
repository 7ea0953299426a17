/**
 * Not API. A run's state machine, its drivers (blocking and scheduled), handle, future and the
 * runner; see {@link dev.ssmrun.internal} for the map.
 */
package dev.ssmrun.internal.run;
