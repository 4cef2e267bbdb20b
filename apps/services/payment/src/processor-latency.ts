// How long the simulated processor takes to answer. Real authorization times are skewed: most
// answer near the median, a few take several times as long (a slow issuer, a 3-D Secure check).
// A lognormal around the median gives that long right tail; the cap keeps one unlucky draw from
// outlasting every timeout in the shop.

/** How spread out the draws are (the standard deviation of the latency's logarithm). */
export const LATENCY_SIGMA = 0.6;
export const LATENCY_CAP_FACTOR = 10;

/** A standard normal draw (Box-Muller) from uniform draws in [0, 1). */
function standardNormal(random: () => number): number {
  // 1 - u is in (0, 1], so the logarithm is finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function drawLatencyMs(medianMs: number, random: () => number = Math.random): number {
  if (medianMs <= 0) return 0;
  const draw = medianMs * Math.exp(LATENCY_SIGMA * standardNormal(random));
  return Math.min(draw, medianMs * LATENCY_CAP_FACTOR);
}
