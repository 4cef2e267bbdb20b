// POST: the bot fleet goes back to its own configured rate.
import { z } from "zod";
import { consoleRoute } from "../../../../../server/console/console-route.ts";

export const POST = consoleRoute(z.object({}), (console) => console.clearBots());
