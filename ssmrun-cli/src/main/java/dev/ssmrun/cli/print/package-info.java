/**
 * How the commands print: text for people (prefixed lines, headers, the live status line, colours
 * on a terminal only), JSON and JSON Lines for programs, and the {@code -o/--no-color/--debug}
 * options that choose. Not API.
 */
package dev.ssmrun.cli.print;
