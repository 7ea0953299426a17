/** Not API. JSON for script input and results, through the optional Jackson dependency. */
package dev.ssmrun.internal.json;
