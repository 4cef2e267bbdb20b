// `npm run scenario -- <command>`: the console's operations from a shell.
//   list                                   the scenarios and their steps
//   start <name> [--time-scale N] [--conduct]
//                                          starts one (refused while another runs); --conduct plays
//                                          it from this shell and follows it until it ends (Ctrl-C
//                                          stops it), for when no storefront hosts a conductor
//   stop                                   stops it and clears every flag it set
//   status [--json]                        where it is, what to point at, the flags on now
//   conduct                                hosts a conductor in this shell until Ctrl-C
// Redis: --redis <url>, else REDIS_URL, else the demo's private Redis (redis://127.0.0.1:63790);
// --prefix <p> for keys other than the shop's own "shop:" (a rehearsal beside a running shop).
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { ZodError } from "zod";
import { startConductor } from "./conductor.ts";
import { scenariosEnv } from "./env.ts";
import { ScenarioAlreadyRunning, ScenarioControl } from "./scenario-control.ts";
import type { ScenarioName, ScenarioStatus } from "./scenario-types.ts";
import { SCENARIO_NAMES } from "./scenario-types.ts";
import { SCENARIOS } from "./scenarios.ts";
import { statusText } from "./status-text.ts";

const USAGE = `usage: npm run scenario -- <list | start <name> [--time-scale N] [--conduct] | stop | status [--json] | conduct> [--redis <url>] [--prefix <p>]
scenarios: ${SCENARIO_NAMES.join(", ")}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    redis: { type: "string" },
    prefix: { type: "string" },
    "time-scale": { type: "string" },
    conduct: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});
// eslint-disable-next-line no-restricted-properties
const env = scenariosEnv(process.env);
const [command, name] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (values.help || !command) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 1);
}

if (command === "list") {
  for (const scenario of Object.values(SCENARIOS)) {
    console.log(
      `${scenario.name}: ${scenario.title} (${String(Math.round(scenario.durationSeconds / 60))} min)`,
    );
    console.log(`  ${scenario.summary}`);
    for (const step of scenario.steps)
      console.log(`    ${String(step.atSeconds).padStart(5)} s  ${step.narrative}`);
  }
  process.exit(0);
}

const redis = new Redis(values.redis ?? env.REDIS_URL, {
  maxRetriesPerRequest: 1,
  connectionName: "scenario-cli",
});
redis.on("error", () => undefined);
const prefix = values.prefix;
const control = new ScenarioControl(redis, prefix === undefined ? {} : { prefix });

/** Plays the scenario from this shell and prints each new step until it ends; Ctrl-C stops it. */
async function conductAndFollow(follow: boolean): Promise<void> {
  const conductor = startConductor({ redis, ...(prefix === undefined ? {} : { prefix }) });
  const interrupted = new AbortController();
  const interrupt = () => {
    interrupted.abort();
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  let lastStep: string | undefined;
  let status: ScenarioStatus = await control.status();
  while (!interrupted.signal.aborted && (!follow || status.state === "running")) {
    const step = `${String(status.stepIndex)}:${status.state}`;
    if (follow && step !== lastStep && status.narrative) {
      lastStep = step;
      console.log(
        `[step ${String((status.stepIndex ?? 0) + 1)}/${String(status.steps?.length ?? 0)}] ${status.narrative}`,
      );
      console.log(`    look: ${status.look ?? ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    status = await control.status();
  }
  if (interrupted.signal.aborted && status.state === "running")
    await control.stop("stopped from the CLI (Ctrl-C)");
  await conductor.stop();
  console.log(statusText(await control.status()));
}

try {
  switch (command) {
    case "start": {
      if (!name || !(SCENARIO_NAMES as readonly string[]).includes(name))
        fail(`start which scenario? ${SCENARIO_NAMES.join(", ")}`);
      const timeScale = values["time-scale"] === undefined ? 1 : Number(values["time-scale"]);
      const status = await control.start(name as ScenarioName, { timeScale, startedBy: `cli:${env.USER}` });
      console.log(statusText(status));
      if (values.conduct) await conductAndFollow(true);
      else if (!(await control.conductor())) {
        console.warn(
          "No conductor is running (the storefront hosts one): it will be aborted unless one takes it up within seconds. " +
            "Use --conduct to play it from this shell.",
        );
      }
      break;
    }
    case "stop":
      console.log(statusText(await control.stop("stopped from the CLI")));
      break;
    case "status": {
      const status = await control.status();
      console.log(values.json ? JSON.stringify(status, null, 2) : statusText(status));
      break;
    }
    case "conduct":
      console.log("Conducting scenarios from this shell until Ctrl-C.");
      await conductAndFollow(false);
      break;
    default:
      fail(USAGE);
  }
} catch (error) {
  if (error instanceof ScenarioAlreadyRunning) fail(error.message);
  if (error instanceof ZodError) fail(error.issues.map((issue) => issue.message).join("; "));
  fail(`scenario: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  redis.disconnect();
}
