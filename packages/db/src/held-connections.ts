// Connections checked out of a pool and kept busy (db.pool_exhaustion): each sits in a short
// pg_sleep, renewed until it is let go, so pg_stat_activity shows exactly what holds the pool and
// why (the statement names the flag). Short sleeps rather than one long one: letting go takes at
// most one sleep, and a process that dies leaves no backend sleeping for long.
import type { PoolClient } from "pg";

export const HELD_CONNECTION_SQL = "select pg_sleep($1) /* held by the db.pool_exhaustion flag */";
const SLEEP_SECONDS = 0.5;
/** After a failed checkout or query (database away): the pause before trying again. */
const RETRY_PAUSE_MS = 250;

interface Holder {
  stopped: boolean;
  /** Whether it has a connection right now. */
  holding: boolean;
  done: Promise<void>;
}

export class HeldConnections {
  readonly #checkout: () => Promise<PoolClient>;
  #holders: Holder[] = [];
  #closed = false;

  /** `checkout` waits for a connection like any query does (so it can time out too). */
  constructor(checkout: () => Promise<PoolClient>) {
    this.#checkout = checkout;
  }

  /** Connections held right now (a holder still waiting for its connection does not count). */
  get count(): number {
    return this.#holders.filter((holder) => holder.holding).length;
  }

  /** Holds `count` connections from now on; resolves once any let go are back in the pool. */
  async set(count: number): Promise<void> {
    if (this.#closed) count = 0;
    while (this.#holders.length < count) this.#holders.push(this.#startHolder());
    const letGo = this.#holders.splice(count);
    for (const holder of letGo) holder.stopped = true;
    await Promise.all(letGo.map((holder) => holder.done));
  }

  /** Lets every connection go and holds none again (the pool is ending). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.set(0);
  }

  #startHolder(): Holder {
    const holder: Holder = { stopped: false, holding: false, done: Promise.resolve() };
    holder.done = this.#hold(holder);
    return holder;
  }

  async #hold(holder: Holder): Promise<void> {
    // Read through a function: `set` flips the flag while this awaits, which narrowing cannot see.
    const stopped = () => holder.stopped;
    while (!stopped()) {
      let client: PoolClient;
      try {
        client = await this.#checkout();
      } catch {
        // Busy pool (the checkout timed out: queue again) or a database away (pause first).
        if (!stopped()) await pause();
        continue;
      }
      holder.holding = true;
      try {
        while (!stopped()) await client.query(HELD_CONNECTION_SQL, [SLEEP_SECONDS]);
        client.release();
      } catch (error) {
        // A broken connection goes back as broken: the pool drops it instead of reusing it.
        client.release(error instanceof Error ? error : true);
        if (!stopped()) await pause();
      } finally {
        holder.holding = false;
      }
    }
  }
}

function pause() {
  return new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
}
