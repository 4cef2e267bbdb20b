// A card is valid through the last moment of its expiry month. Processors judge that in UTC, so
// the shop does too: a shopper's local midnight does not move a card's last day.

/** The first instant the card is no longer valid: the start of the month after its expiry month. */
export function expiresAt(expMonth: number, expYear: number): Date {
  // Date.UTC takes a zero-based month, so the expiry month's number is already the next month.
  return new Date(Date.UTC(expYear, expMonth, 1));
}

export function hasExpired(expMonth: number, expYear: number, now: Date): boolean {
  return now.getTime() >= expiresAt(expMonth, expYear).getTime();
}

/** Cards are issued for at most a few years; a date decades out is a typo. */
export const MAX_YEARS_AHEAD = 20;
