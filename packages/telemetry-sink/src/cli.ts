// The sink from a terminal:
//   node packages/telemetry-sink/src/cli.ts serve [--port 4318] [--host 127.0.0.1]
//   node packages/telemetry-sink/src/cli.ts traces [--url U] [--service S] [--limit N]
//   node packages/telemetry-sink/src/cli.ts trace <traceId> [--url U]
//   node packages/telemetry-sink/src/cli.ts logs [--trace ID] [--service S] [--min-severity L] [--contains T] [--url U]
//   node packages/telemetry-sink/src/cli.ts rum [--session ID] [--type T] [--trace ID] [--limit N] [--url U]
// Query commands talk to a running sink at --url, else TELEMETRY_SINK_URL, else http://127.0.0.1:4318.
import { parseArgs } from "node:util";
import { SinkClient } from "./client.ts";
import { formatLogLines, formatRumTable, formatTraceTable } from "./cli-format.ts";
import { sinkEnv } from "./env.ts";
import {
  QueryParameterError,
  parseLogQuery,
  parseRumEventQuery,
  parseTraceId,
  parseTraceQuery,
} from "./query-params.ts";
import { startSink } from "./server.ts";
import { renderTraceTree } from "./trace-tree.ts";

const USAGE = `usage:
  cli.ts serve [--port 4318] [--host 127.0.0.1]
  cli.ts traces [--url URL] [--service NAME] [--limit N]
  cli.ts trace <traceId> [--url URL]
  cli.ts logs [--trace ID] [--service NAME] [--min-severity LEVEL] [--contains TEXT] [--url URL]
  cli.ts rum [--session ID] [--type TYPE] [--trace ID] [--limit N (default 50)] [--url URL]`;

/** How many RUM events `rum` shows unless told: a page load alone reports dozens. */
const DEFAULT_RUM_LIMIT = "50";

class UsageError extends Error {}

type Args = string[];

function parse<const T extends Record<string, { type: "string" }>>(args: Args, options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Builds query parameters from CLI options, so the CLI validates exactly as the API does. */
function params(values: Record<string, string | undefined>): URLSearchParams {
  const result = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) result.set(key, value);
  return result;
}

function expectNoArguments(command: string, positionals: string[]): void {
  if (positionals.length > 0) {
    throw new UsageError(`${command} takes no arguments, got "${positionals.join(" ")}"`);
  }
}

function port(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 65535) throw new UsageError(`--port must be 0-65535, got "${text}"`);
  return value;
}

async function serve(args: Args): Promise<void> {
  const { values, positionals } = parse(args, { port: { type: "string" }, host: { type: "string" } });
  expectNoArguments("serve", positionals);
  const sink = await startSink({ port: port(values.port ?? "4318"), host: values.host ?? "127.0.0.1" });
  console.log(`ready: ${sink.url}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      console.log(`${signal}: stopping`);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await sink.close();
}

function client(url: string | undefined): SinkClient {
  return new SinkClient(url ?? sinkEnv().TELEMETRY_SINK_URL);
}

async function traces(args: Args): Promise<void> {
  const { values, positionals } = parse(args, {
    url: { type: "string" },
    service: { type: "string" },
    limit: { type: "string" },
  });
  expectNoArguments("traces", positionals);
  const query = parseTraceQuery(params({ service: values.service, limit: values.limit }));
  console.log(formatTraceTable(await client(values.url).traces(query)));
}

async function trace(args: Args): Promise<void> {
  const { values, positionals } = parse(args, { url: { type: "string" } });
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new UsageError("trace takes exactly one trace id");
  const sink = client(values.url);
  const found = await sink.trace(parseTraceId(id));
  if (!found) throw new Error(`trace ${id} not found at ${sink.url}`);
  console.log(renderTraceTree(found.spans));
}

async function logs(args: Args): Promise<void> {
  const { values, positionals } = parse(args, {
    url: { type: "string" },
    trace: { type: "string" },
    service: { type: "string" },
    "min-severity": { type: "string" },
    contains: { type: "string" },
  });
  expectNoArguments("logs", positionals);
  const query = parseLogQuery(
    params({
      traceId: values.trace,
      service: values.service,
      minSeverity: values["min-severity"],
      contains: values.contains,
    }),
  );
  console.log(formatLogLines(await client(values.url).logs(query)));
}

async function rum(args: Args): Promise<void> {
  const { values, positionals } = parse(args, {
    url: { type: "string" },
    session: { type: "string" },
    type: { type: "string" },
    trace: { type: "string" },
    limit: { type: "string" },
  });
  expectNoArguments("rum", positionals);
  const query = parseRumEventQuery(
    params({
      session: values.session,
      type: values.type,
      trace: values.trace,
      limit: values.limit ?? DEFAULT_RUM_LIMIT,
    }),
  );
  // The newest events, printed oldest first so that a session reads top to bottom, as with tail.
  const events = await client(values.url).rumEvents(query);
  console.log(formatRumTable(events.reverse()));
}

const COMMANDS: Record<string, (args: Args) => Promise<void>> = { serve, traces, trace, logs, rum };

async function main(argv: Args): Promise<void> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) throw new UsageError(name === undefined ? "no command given" : `unknown command "${name}"`);
  await command(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // Bad options exit 2 with the usage; failures (sink unreachable, trace unknown) exit 1.
  const isUsage = error instanceof UsageError || error instanceof QueryParameterError;
  console.error(isUsage ? `${message}\n${USAGE}` : `telemetry-sink: ${message}`);
  process.exitCode = isUsage ? 2 : 1;
});
