// POST { name, timeScale }: starts a scenario (409 while another one runs).
import { startScenarioInput } from "../../../../../server/console/console-inputs.ts";
import { consoleRoute } from "../../../../../server/console/console-route.ts";

export const POST = consoleRoute(startScenarioInput, (console, input) => console.startScenario(input));
