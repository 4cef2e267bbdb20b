"use client";
// Manual failure switches: each flag with what it does, whether it is on (and who set it), and a
// form for its parameters. A bad parameter comes back as the flag schema's own message.
import { useState } from "react";
import type { FlagState } from "@shop/flags";
import { consoleCall } from "../../lib/console-api.ts";
import type { ConsoleFlag } from "../../lib/console-types.ts";

interface Props {
  flags: ConsoleFlag[];
  on: FlagState[];
  onChanged: () => Promise<void>;
}

function FlagSwitch({
  flag,
  state,
  onChanged,
}: {
  flag: ConsoleFlag;
  state: FlagState | undefined;
  onChanged: Props["onChanged"];
}) {
  const plain = flag.example === true;
  const [params, setParams] = useState(plain ? "" : JSON.stringify(state?.value ?? flag.example));
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = `flag-${flag.key.replaceAll(".", "-")}`;

  async function send(path: string, body: unknown) {
    setPending(true);
    const answer = await consoleCall(path, body);
    setPending(false);
    setProblem(answer.ok ? null : Object.values(answer.fields).flat().join("; ") || answer.message);
    await onChanged();
  }

  function turnOn() {
    if (plain) {
      void send("flags/set", { key: flag.key, params: true });
      return;
    }
    try {
      void send("flags/set", { key: flag.key, params: JSON.parse(params) as unknown });
    } catch {
      setProblem("The parameters must be JSON, like the example.");
    }
  }

  return (
    <li className="console-flag" data-testid={id}>
      <h3>
        <code>{flag.key}</code>{" "}
        <span className={state ? "badge console-on" : "badge"} data-testid={`${id}-state`}>
          {state ? `on (${state.setBy})` : "off"}
        </span>
      </h3>
      <p className="hint">{flag.description}</p>
      <form
        className="console-row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          turnOn();
        }}
      >
        {!plain && (
          <div className="field console-grow">
            <label htmlFor={`${id}-params`}>Parameters (JSON)</label>
            <input
              id={`${id}-params`}
              value={params}
              aria-invalid={Boolean(problem)}
              aria-describedby={`${id}-message`}
              onChange={(event) => {
                setParams(event.target.value);
              }}
            />
          </div>
        )}
        <button className="button" type="submit" disabled={pending}>
          {state ? "Update" : "Turn on"} <span className="visually-hidden">{flag.key}</span>
        </button>
        <button
          className="button secondary"
          type="button"
          disabled={pending || !state}
          onClick={() => void send("flags/clear", { key: flag.key })}
        >
          Turn off <span className="visually-hidden">{flag.key}</span>
        </button>
      </form>
      <p id={`${id}-message`} className="error" role={problem ? "alert" : undefined}>
        {problem}
      </p>
    </li>
  );
}

export function FlagSwitches({ flags, on, onChanged }: Props) {
  return (
    <section aria-labelledby="flags-heading" className="console-panel">
      <h2 id="flags-heading">Failure flags</h2>
      <ul className="console-flags">
        {flags.map((flag) => (
          <FlagSwitch
            key={flag.key}
            flag={flag}
            state={on.find((state) => state.key === flag.key)}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </section>
  );
}
