// POST { key, params }: turns a failure flag on by hand, params checked with the flag's schema.
import { setFlagInput } from "../../../../../server/console/console-inputs.ts";
import { consoleRoute } from "../../../../../server/console/console-route.ts";

export const POST = consoleRoute(setFlagInput, (console, input) => console.setFlag(input));
