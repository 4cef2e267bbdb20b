// How much is left, in words a shopper reads at a glance.
const LOW_STOCK = 5;

export function StockBadge({ available }: { available: number }) {
  if (available <= 0) return <span className="badge out-of-stock">Out of stock</span>;
  if (available <= LOW_STOCK) return <span className="badge low-stock">Only {available} left</span>;
  return <span className="badge in-stock">In stock</span>;
}
