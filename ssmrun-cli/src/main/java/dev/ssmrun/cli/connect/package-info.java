/**
 * Where the commands' API calls go: the connection options, SDK clients configured the way the AWS
 * CLI would be (environment variables and config files included), the embedded emulator of {@code
 * --local}, and {@code --debug}'s call log. Not API.
 */
package dev.ssmrun.cli.connect;
