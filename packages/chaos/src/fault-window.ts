// What a fault did to the shoppers, read from their request log: how long errors lasted after the
// fault began (first failure to last failure), and when requests were reliably answered again
// (the first success of a run of `settle` consecutive successes that includes a completed
// purchase: browsing can work while checkout's chain is still down, so only a purchase proves
// that every service it calls is back).

export interface Outcome {
  at: number;
  ok: boolean;
  /** A request that goes through the whole chain (a checkout). */
  endToEnd?: boolean;
}

export interface FaultWindow {
  /** Failed requests from the fault's start until recovery. */
  failures: number;
  requests: number;
  /** ms from the first to the last failure (0 when there was at most one). */
  errorBurstMs: number;
  /** ms from the fault's start to the start of the settled run of successes; undefined if never. */
  recoveryMs: number | undefined;
}

export function faultWindow(outcomes: readonly Outcome[], faultAt: number, settle = 5): FaultWindow {
  const after = outcomes.filter((outcome) => outcome.at >= faultAt).sort((a, b) => a.at - b.at);
  let recoveredAt: number | undefined;
  let streak = 0;
  let streakStart = 0;
  let streakEndToEnd = false;
  for (const outcome of after) {
    if (!outcome.ok) {
      streak = 0;
      streakEndToEnd = false;
      continue;
    }
    if (streak === 0) streakStart = outcome.at;
    streak += 1;
    streakEndToEnd ||= outcome.endToEnd === true;
    if (streak >= settle && streakEndToEnd) {
      recoveredAt = streakStart;
      break;
    }
  }
  const window = recoveredAt === undefined ? after : after.filter((outcome) => outcome.at < recoveredAt);
  const failures = window.filter((outcome) => !outcome.ok);
  const first = failures[0];
  const last = failures.at(-1);
  return {
    failures: failures.length,
    requests: window.length,
    errorBurstMs: first && last ? last.at - first.at : 0,
    recoveryMs: recoveredAt === undefined ? undefined : Math.max(0, recoveredAt - faultAt),
  };
}
