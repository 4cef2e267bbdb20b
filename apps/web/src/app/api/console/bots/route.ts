// POST { perMinute }: the bot fleet's target rate (the bots.traffic flag), until cleared.
import { botsInput } from "../../../../server/console/console-inputs.ts";
import { consoleRoute } from "../../../../server/console/console-route.ts";

export const POST = consoleRoute(botsInput, (console, input) => console.setBots(input));
