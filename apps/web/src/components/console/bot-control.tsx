"use client";
// The bot fleet's target rate, by hand (the bots.traffic flag), next to what it achieves.
import { useState } from "react";
import type { FlagState } from "@shop/flags";
import { consoleCall } from "../../lib/console-api.ts";
import type { LiveTraffic } from "../../server/console/live-traffic.ts";

interface Props {
  on: FlagState[];
  traffic: LiveTraffic;
  onChanged: () => Promise<void>;
}

export function BotControl({ on, traffic, onChanged }: Props) {
  const flag = on.find((state) => state.key === "bots.traffic");
  const [perMinute, setPerMinute] = useState("60");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send(path: string, body: unknown) {
    setPending(true);
    const answer = await consoleCall(path, body);
    setPending(false);
    setProblem(answer.ok ? null : (answer.fields.perMinute?.[0] ?? answer.message));
    await onChanged();
  }

  const current = flag?.value as { perMinute?: number } | undefined;
  return (
    <section aria-labelledby="bots-heading" className="console-panel">
      <h2 id="bots-heading">Bots</h2>
      <p data-testid="bots-summary">
        Target:{" "}
        {current?.perMinute !== undefined
          ? `${String(current.perMinute)} actions/min (set by ${flag?.setBy ?? "?"})`
          : "the fleet's own rate"}
        {traffic.bots &&
          ` · achieved ${traffic.bots.achievedPerMinute.toFixed(0)} of ${traffic.bots.targetPerMinute.toFixed(0)} actions/min, ${String(traffic.bots.concurrency)} browsers, ${String(traffic.bots.instances)} fleet(s)`}
        {!traffic.bots && " · no bot fleet is reporting"}
      </p>
      <form
        className="console-row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send("bots", { perMinute: Number(perMinute) });
        }}
      >
        <div className="field">
          <label htmlFor="bots-rate">Actions per minute</label>
          <input
            id="bots-rate"
            type="number"
            min={0}
            max={10_000}
            value={perMinute}
            aria-invalid={Boolean(problem)}
            aria-describedby="bots-message"
            onChange={(event) => {
              setPerMinute(event.target.value);
            }}
          />
        </div>
        <button className="button" type="submit" disabled={pending}>
          Set bot rate
        </button>
        <button
          className="button secondary"
          type="button"
          disabled={pending || !flag}
          onClick={() => void send("bots/clear", {})}
        >
          Back to the fleet&apos;s own rate
        </button>
      </form>
      <p id="bots-message" className="error" role={problem ? "alert" : undefined}>
        {problem}
      </p>
    </section>
  );
}
