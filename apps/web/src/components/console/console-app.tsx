"use client";
// The presenter console: polls the status every 2 s (each answer schedules the next poll, so a
// slow answer never piles requests up) and refreshes at once after every action.
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchConsoleStatus } from "../../lib/console-api.ts";
import type { ConsoleFlag, ConsoleScenario } from "../../lib/console-types.ts";
import type { ConsoleStatus } from "../../server/console/console-service.ts";
import { BotControl } from "./bot-control.tsx";
import { FlagSwitches } from "./flag-switches.tsx";
import { LiveTrafficTable } from "./live-traffic-table.tsx";
import { ScenarioPanel } from "./scenario-panel.tsx";

const POLL_MS = 2_000;

export function ConsoleApp({ scenarios, flags }: { scenarios: ConsoleScenario[]; flags: ConsoleFlag[] }) {
  const [status, setStatus] = useState<ConsoleStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(async () => {
    clearTimeout(timer.current);
    const answer = await fetchConsoleStatus();
    if (answer.ok) {
      setStatus(answer.data);
      setProblem(null);
    } else {
      setProblem(answer.message);
    }
    // An action's refresh may overlap a poll: whichever answers last keeps the one timer.
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refresh(), POLL_MS);
  }, []);

  useEffect(() => {
    void refresh();
    return () => {
      clearTimeout(timer.current);
    };
  }, [refresh]);

  return (
    <div className="console">
      <h1>Presenter console</h1>
      {problem && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
      {!status && !problem && <p role="status">Loading the shop's status…</p>}
      {status && (
        <>
          <ScenarioPanel scenarios={scenarios} status={status.scenario} onChanged={refresh} />
          <LiveTrafficTable traffic={status.traffic} />
          <FlagSwitches flags={flags} on={status.scenario.flags} onChanged={refresh} />
          <BotControl on={status.scenario.flags} traffic={status.traffic} onChanged={refresh} />
        </>
      )}
    </div>
  );
}
