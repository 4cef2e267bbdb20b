// GET: the scenario (state, step, narrative, progress), the flags that are on, and the live numbers.
import { z } from "zod";
import { consoleRoute } from "../../../../server/console/console-route.ts";

export const dynamic = "force-dynamic";

export const GET = consoleRoute(z.object({}), (console) => console.status());
