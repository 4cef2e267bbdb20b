// Counts per combination of label values: one Prometheus series each, one OpenTelemetry attribute
// set each, and the breakdowns of /stats. Kept in first-seen order so /metrics lists series stably.
export class LabeledCounts<Label extends string> {
  readonly #series = new Map<string, { labels: Readonly<Record<Label, string>>; value: number }>();

  add(labels: Readonly<Record<Label, string>>, amount = 1): void {
    const key = JSON.stringify(labels);
    const series = this.#series.get(key);
    if (series) series.value += amount;
    else this.#series.set(key, { labels: { ...labels }, value: amount });
  }

  /** Every series with its labels and count. */
  samples(): IterableIterator<{ labels: Readonly<Record<Label, string>>; value: number }> {
    return this.#series.values();
  }

  total(): number {
    let sum = 0;
    for (const { value } of this.#series.values()) sum += value;
    return sum;
  }

  /** Counts summed per value of one label (the other labels folded in). */
  by(label: Label): Map<string, number> {
    const sums = new Map<string, number>();
    for (const { labels, value } of this.#series.values()) {
      sums.set(labels[label], (sums.get(labels[label]) ?? 0) + value);
    }
    return sums;
  }
}
