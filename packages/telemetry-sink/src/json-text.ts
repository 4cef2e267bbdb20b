/** JSON text of any value; JSON.stringify returns undefined (despite its type) for undefined and functions. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  return text ?? String(value);
}
