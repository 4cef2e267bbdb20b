// The fleet's knobs, from the command line first, then BOTS_* variables, then defaults. `--help`
// prints this table (HELP), so every knob is documented where it is read.
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { JOURNEYS } from "./journeys/journey-names.ts";
import { DEFAULT_JOURNEY_WEIGHTS, DEFAULT_PERSONA_WEIGHTS, PERSONAS } from "./personas.ts";
import type { JourneyWeights } from "./personas.ts";
import { parseShape } from "./traffic-shapes.ts";
import type { TrafficShape } from "./traffic-shapes.ts";

export const HELP = `npm run bots -- [options]   (each option also reads the BOTS_* variable named after it)

Real Chromium shoppers for the storefront: personas, journeys, think time, typing, abandonment,
declined cards, campaign landings; open-loop pacing to a target rate of user actions per minute.

  --url <url>              storefront to shop in                      BOTS_URL          http://127.0.0.1:3000
  --rate <n>               steady target, actions/min (shortcut)      BOTS_RATE
  --shape <shape>          traffic shape                              BOTS_SHAPE        steady:30
                             steady:<perMin>
                             ramp:<from>:<to>:<seconds>
                             spike:<base>:<peak>:<upSeconds>:<holdSeconds>:<downSeconds>
                             daily:<min>:<max>:<periodMinutes>
  --max-sessions <n>       concurrent shopper sessions at most        BOTS_MAX_SESSIONS 8
  --journeys <weights>     e.g. browse=30,purchase=20                 BOTS_JOURNEYS     ${Object.entries(
    DEFAULT_JOURNEY_WEIGHTS,
  )
    .map(([name, weight]) => `${name}=${String(weight)}`)
    .join(",")}
  --personas <weights>     e.g. decisive_buyer=50,mobile_shopper=50   BOTS_PERSONAS     ${Object.entries(
    DEFAULT_PERSONA_WEIGHTS,
  )
    .map(([name, weight]) => `${name}=${String(weight)}`)
    .join(",")}
  --think-scale <x>        multiplies think times (0.2 = brisk)       BOTS_THINK_SCALE  1
  --duration <seconds>     stop after this long (0 = until Ctrl-C)    BOTS_DURATION     0
  --host <host>            control/metrics server address             BOTS_HOST         127.0.0.1
  --port <n>               control/metrics server port (0 = any)      BOTS_PORT         4200
  --control-token <t>      required as "Authorization: Bearer <t>" on POST /control (unset: none)
                                                                      BOTS_CONTROL_TOKEN
  --redis <url>            the shop's Redis: follow the scenarios' bots.traffic flag (target and
                           hot products) and publish the fleet's gauges to the presenter console;
                           unset: the fleet keeps to its own shape        REDIS_URL
  --instance <name>        this fleet's name in the console's gauges  BOTS_INSTANCE     <host>-<pid>
  -h, --help               this text

Control and metrics (http://<host>:<port>):
  GET  /stats     JSON: target vs achieved actions/min, sessions by journey and outcome, journey
                  mix (expected and actual), step latencies, errors by kind, browser restarts
  GET  /metrics   the same as Prometheus text (also exported over OTLP with the telemetry preload)
  POST /control   {"shape": {"kind": "steady", "perMinute": 60}} or {"rate": 60}: change the
                  traffic without restarting
  GET  /healthz   200 while running

Journeys: ${JOURNEYS.join(", ")}. Personas: ${PERSONAS.map((persona) => persona.name).join(", ")}.`;

function weights<K extends string>(text: string, names: readonly K[], what: string): Record<K, number> {
  const result = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
  for (const part of text.split(",").filter(Boolean)) {
    const [name, value] = part.split("=");
    if (!name || !names.includes(name as K))
      throw new Error(`unknown ${what} "${name ?? ""}": one of ${names.join(", ")}`);
    const weight = Number(value);
    if (!Number.isFinite(weight) || weight < 0)
      throw new Error(`${what} ${name}: weight must be a number >= 0`);
    result[name as K] = weight;
  }
  if (Object.values<number>(result).every((weight) => weight === 0))
    throw new Error(`${what} weights are all zero`);
  return result;
}

export interface FleetConfig {
  url: string;
  shape: TrafficShape;
  maxSessions: number;
  journeyWeights: JourneyWeights;
  personaWeights: Record<string, number>;
  thinkScale: number;
  durationSeconds: number;
  host: string;
  port: number;
  controlToken: string | undefined;
  redisUrl: string | undefined;
  instance: string;
}

const number = (min: number, max: number) => z.coerce.number().min(min).max(max);

export function fleetConfig(argv: string[], env: Record<string, string | undefined>): FleetConfig | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string" },
      rate: { type: "string" },
      shape: { type: "string" },
      "max-sessions": { type: "string" },
      journeys: { type: "string" },
      personas: { type: "string" },
      "think-scale": { type: "string" },
      duration: { type: "string" },
      host: { type: "string" },
      port: { type: "string" },
      "control-token": { type: "string" },
      redis: { type: "string" },
      instance: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const rate = values.rate ?? env.BOTS_RATE;
  const shapeText = values.shape ?? env.BOTS_SHAPE ?? (rate !== undefined ? `steady:${rate}` : "steady:30");
  const personaNames = PERSONAS.map((persona) => persona.name);
  return {
    url: z.url({ error: "--url must be a URL" }).parse(values.url ?? env.BOTS_URL ?? "http://127.0.0.1:3000"),
    shape: parseShape(shapeText),
    maxSessions: number(1, 200).parse(values["max-sessions"] ?? env.BOTS_MAX_SESSIONS ?? 8),
    journeyWeights:
      (values.journeys ?? env.BOTS_JOURNEYS)
        ? weights(values.journeys ?? env.BOTS_JOURNEYS ?? "", JOURNEYS, "journey")
        : DEFAULT_JOURNEY_WEIGHTS,
    personaWeights:
      (values.personas ?? env.BOTS_PERSONAS)
        ? weights(values.personas ?? env.BOTS_PERSONAS ?? "", personaNames, "persona")
        : DEFAULT_PERSONA_WEIGHTS,
    thinkScale: number(0, 10).parse(values["think-scale"] ?? env.BOTS_THINK_SCALE ?? 1),
    durationSeconds: number(0, 7 * 24 * 3600).parse(values.duration ?? env.BOTS_DURATION ?? 0),
    host: values.host ?? env.BOTS_HOST ?? "127.0.0.1",
    port: number(0, 65535).parse(values.port ?? env.BOTS_PORT ?? 4200),
    controlToken: values["control-token"] ?? env.BOTS_CONTROL_TOKEN,
    redisUrl: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, { error: "--redis (REDIS_URL) must be a redis:// URL" })
      .optional()
      .parse(values.redis ?? (env.REDIS_URL === "" ? undefined : env.REDIS_URL)),
    instance: z
      .string()
      .regex(/^[\w.-]{1,64}$/, { error: "--instance must be letters, digits, '.', '_' or '-'" })
      .parse(values.instance ?? env.BOTS_INSTANCE ?? `${hostname()}-${String(process.pid)}`),
  };
}
