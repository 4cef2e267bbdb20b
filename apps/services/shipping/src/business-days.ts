// Delivery estimates count business days: carriers neither collect nor deliver on Saturdays and
// Sundays. Days are UTC days (the service has no notion of the shopper's time zone) and public
// holidays are not modelled, so an estimate can be a day optimistic around them.

function isWeekend(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The instant `days` business days after `from`, at the same time of day. */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (!isWeekend(date)) left--;
  }
  return date;
}
