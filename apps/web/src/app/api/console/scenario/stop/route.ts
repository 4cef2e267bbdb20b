// POST { reason? }: stops the running scenario; its flags are cleared.
import { stopScenarioInput } from "../../../../../server/console/console-inputs.ts";
import { consoleRoute } from "../../../../../server/console/console-route.ts";

export const POST = consoleRoute(stopScenarioInput, (console, input) => console.stopScenario(input.reason));
