// The bench's sections, by the names --skip takes.
export const SECTIONS = ["storefront", "checkout", "database", "footprint", "trpc", "web-vitals"] as const;
export type Section = (typeof SECTIONS)[number];

export function parseSkip(text: string): Set<Section> {
  const skipped = new Set<Section>();
  for (const name of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (!(SECTIONS as readonly string[]).includes(name))
      throw new Error(`--skip: unknown section "${name}" (one of ${SECTIONS.join(", ")})`);
    skipped.add(name as Section);
  }
  return skipped;
}
