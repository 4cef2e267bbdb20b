// What the console page is given by the server (plain data: no schemas, no secrets).
export interface ConsoleScenario {
  name: string;
  title: string;
  summary: string;
  durationSeconds: number;
  steps: { atSeconds: number; narrative: string }[];
}

export interface ConsoleFlag {
  key: string;
  description: string;
  /** A typical "on" value; `true` for plain switches (no parameters to edit). */
  example: unknown;
}
