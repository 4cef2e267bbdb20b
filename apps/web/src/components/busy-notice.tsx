// The polite "busy" message, for a page that could not load because the shop is shedding load.
import { BUSY_MESSAGE } from "../lib/busy.ts";

export function BusyNotice({ onRetry }: { onRetry: () => void }) {
  return (
    <div style={{ padding: "3rem 0" }} role="status" data-testid="busy-notice">
      <h1>We&apos;re busy right now</h1>
      <p>{BUSY_MESSAGE} Lots of people are shopping at the moment; nothing is wrong with your cart.</p>
      <p>
        <button className="button" type="button" onClick={onRetry}>
          Try again
        </button>
      </p>
    </div>
  );
}
