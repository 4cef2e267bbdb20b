// POST { key }: turns a flag off.
import { clearFlagInput } from "../../../../../server/console/console-inputs.ts";
import { consoleRoute } from "../../../../../server/console/console-route.ts";

export const POST = consoleRoute(clearFlagInput, (console, input) => console.clearFlag(input));
