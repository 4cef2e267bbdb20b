// Prices are integers in minor units (cents) everywhere; only the page turns them into text.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency = "USD"): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(minor / 100);
}
