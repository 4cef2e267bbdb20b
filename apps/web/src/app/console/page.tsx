// The presenter console. The proxy lets only a holder of the console token this far (401
// otherwise); this server shell hands the client the scenarios and flags as plain data.
import { FLAG_DEFINITIONS } from "@shop/flags";
import { SCENARIOS } from "@shop/scenarios";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ConsoleApp } from "../../components/console/console-app.tsx";
import { webEnv } from "../../env.ts";
import type { ConsoleFlag, ConsoleScenario } from "../../lib/console-types.ts";
import { CONSOLE_COOKIE, checkConsoleAccess } from "../../server/console/console-auth.ts";
import { FLAG_EXAMPLES } from "../../server/console/flag-examples.ts";
import type { ManualFlagKey } from "../../server/console/flag-examples.ts";

export const metadata: Metadata = { title: "Presenter console", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function ConsolePage() {
  // Defence in depth: the proxy already refused requests without the cookie.
  const access = checkConsoleAccess((await cookies()).get(CONSOLE_COOKIE)?.value, webEnv().CONSOLE_TOKEN);
  if (!access.ok) {
    return (
      <div style={{ padding: "3rem 0" }}>
        <h1>Presenter console</h1>
        <p>{access.message}</p>
      </div>
    );
  }
  const scenarios: ConsoleScenario[] = Object.values(SCENARIOS).map((scenario) => ({
    name: scenario.name,
    title: scenario.title,
    summary: scenario.summary,
    durationSeconds: scenario.durationSeconds,
    steps: scenario.steps.map((step) => ({ atSeconds: step.atSeconds, narrative: step.narrative })),
  }));
  const flags: ConsoleFlag[] = (Object.keys(FLAG_EXAMPLES) as ManualFlagKey[]).map((key) => ({
    key,
    description: FLAG_DEFINITIONS[key].description,
    example: FLAG_EXAMPLES[key],
  }));
  return <ConsoleApp scenarios={scenarios} flags={flags} />;
}
