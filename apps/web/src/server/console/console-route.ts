// Every /api/console/* route is this: the token first (401 without it), then the JSON body
// checked against the route's schema (400 with a message per field), then one call of the
// console service, whose answer is the JSON response. Nothing here is cached.
import "server-only";
import { fieldErrorsOf } from "@shop/service-kit";
import { logger } from "@shop/telemetry";
import type { z } from "zod";
import { webEnv } from "../../env.ts";
import { checkConsoleAccess, consoleUnauthorized, presentedToken } from "./console-auth.ts";
import { consoleService } from "./console-backend.ts";
import { ConsoleConflict } from "./console-service.ts";
import type { ConsoleService } from "./console-service.ts";

const NO_STORE = { "cache-control": "no-store" };

function problem(status: number, error: string, extra: Record<string, unknown> = {}) {
  return Response.json({ error, ...extra }, { status, headers: NO_STORE });
}

/** Answers 401 unless the request presents the console token; undefined when it does. */
export function refuseWithoutToken(request: Request): Response | undefined {
  const access = checkConsoleAccess(presentedToken(request.headers), webEnv().CONSOLE_TOKEN);
  return access.ok ? undefined : consoleUnauthorized(access.message, "json");
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function consoleRoute<Schema extends z.ZodType>(
  schema: Schema,
  action: (service: ConsoleService, input: z.output<Schema>) => Promise<unknown>,
) {
  return async (request: Request): Promise<Response> => {
    const refused = refuseWithoutToken(request);
    if (refused) return refused;

    const body = await readJson(request);
    if (!body.ok)
      return problem(400, "Invalid input", { fieldErrors: { "(input)": ["the body must be JSON"] } });
    const input = schema.safeParse(body.value);
    if (!input.success) return problem(400, "Invalid input", { fieldErrors: fieldErrorsOf(input.error) });

    const service = consoleService();
    if (!service) return problem(503, "The console needs Redis: set REDIS_URL for the storefront.");
    try {
      const result = await action(service, input.data);
      return Response.json(result ?? { ok: true }, { headers: NO_STORE });
    } catch (error) {
      if (error instanceof ConsoleConflict) return problem(409, error.message);
      logger.error({ err: error }, "console action failed");
      return problem(500, "The console could not do that just now; see the storefront's logs.");
    }
  };
}
