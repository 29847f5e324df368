#!/usr/bin/env node
/**
 * `emu` — the Band Manager emulator. The only module that reads argv, prints and exits.
 */
import { Command, Option } from "commander";
import { packageVersion } from "../../common/version.js";
import { proxyReadyLine, resolveProxyFlags, startProxy } from "./proxy.js";
import { readyLine, resolveStartConfig, startEmulator, ExitError, type Output } from "./start.js";

const output: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Stop on SIGINT/SIGTERM, exiting 0 once stopped — or after ~2 s whatever is still running. */
function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => process.exit(0), 1900);
    deadline.unref();
    void stop().then(() => process.exit(0));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

const program = new Command("emu")
  .description("Emulates the Band Manager services (auth, users, bands, catalog, tours) on their real ports")
  .version(packageVersion(), "-V, --version", "print the version")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

program
  .command("start")
  .description("start every service and serve until SIGINT/SIGTERM")
  .option("--host <host>", "address to listen on", undefined)
  .option(
    "--port <spec>",
    "port for every listener (0 = free ports) or one: users=9091 (repeatable)",
    collect,
  )
  .option("--config <file>", "JSON file with any of these settings (flags win)")
  .option("--data <file>", "keep the store in this JSON file and load it at the next start")
  .option("--fixtures <name|file>", "seed an empty store: default, festival, none, or a fixture file")
  .addOption(new Option("--auth <on|off>", "enforce tokens and scopes").choices(["on", "off"]))
  .option("--token-key <file>", "PEM RSA private key to sign tokens with (default: a key made at start)")
  .option("--token-secret <secret>", "sign tokens with HS256 and this shared secret instead")
  .option("--token-ttl <duration>", "default token lifetime (e.g. 1h)")
  .option("--token-issuer <url>", "the iss claim (default: the token service's URL)")
  .option("--max-body <size>", "largest request body accepted (e.g. 2mb)")
  .option("--saga-delay <duration>", "delivery delay of the offer-acceptance messages (e.g. 5ms)")
  .option("--summary-interval <duration>", "how often to print the traffic summary")
  .option(
    "--latency <spec>",
    "delay every answer: 100ms, 10-80ms, normal:50ms,10ms, lognormal:median=40ms,p99=250ms, " +
      "empirical:p50=20ms,p99=200ms, recording:FILE; one service: bands=SPEC (repeatable)",
    collect,
  )
  .option(
    "--fault <spec>",
    "inject a fault: bands=503:0.2, users=reset:0.05, catalog=truncate:every=10 " +
      "(status 400-599, reset, hang, slow, truncate; without a service: every service; repeatable)",
    collect,
  )
  .option("--capacity <spec>", "load-dependent latency: bands=20 or bands=20:5ms (repeatable)", collect)
  .option("--seed <n>", "seed for every random choice (latency and faults)")
  .option("--record <file>", "write every exchange to this recording (JSON lines, recordings/README.md)")
  .option("--quiet", "print only the ready line")
  .option("--json", "print the ready line as one JSON object")
  .action(async (flags) => {
    const config = await resolveStartConfig(flags);
    const running = await startEmulator(config, output);
    output.out(readyLine(config, running.listeners.urls()));
    stopOnSignals(() => running.stop());
  });

program
  .command("proxy")
  .description("listen on the services' ports and forward to real services elsewhere, optionally recording")
  .option("--host <host>", "address to listen on", undefined)
  .option(
    "--port <spec>",
    "port for every listener (0 = free ports) or one: users=9091 (repeatable)",
    collect,
  )
  .option("--auth-url <url>", "base URL of the real auth-service")
  .option("--user-url <url>", "base URL of the real user-service")
  .option("--band-url <url>", "base URL of the real band-service")
  .option("--catalog-url <url>", "base URL of the real music-catalog-service")
  .option("--tour-url <url>", "base URL of the real tour-service")
  .option("--targets <file>", "JSON file of service → base URL (auth, users, bands, catalog, tours)")
  .option("--record <file>", "write every exchange to this recording (JSON lines, recordings/README.md)")

  .option("--json", "print the ready line as one JSON object")
  .action(async (flags) => {
    const config = await resolveProxyFlags(flags);
    const running = await startProxy(config, output);
    output.out(proxyReadyLine(config, running.listeners.urls()));
    stopOnSignals(() => running.stop());
  });

process.on("uncaughtException", (error) => {
  // Serving goes on: one bad request must never take the emulator down.
  output.err(`emu: internal error: ${error instanceof Error ? error.message : String(error)}`);
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ExitError) {
    output.err(error.message);
    process.exit(error.code);
  }
  const code = (error as { code?: string; exitCode?: number }).code;
  if (typeof code === "string" && code.startsWith("commander.")) {
    const exitCode = (error as { exitCode?: number }).exitCode ?? 2;
    process.exit(
      code === "commander.helpDisplayed" || code === "commander.version" ? 0 : exitCode === 1 ? 2 : exitCode,
    );
  }
  output.err(`emu: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
