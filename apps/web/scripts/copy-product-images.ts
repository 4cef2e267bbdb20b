// Before a build: the catalog's product images (kept with the seed in packages/db) become static
// files of the storefront, served by Next with long-lived caching.
import { cp, rm } from "node:fs/promises";
import path from "node:path";

const from = path.resolve(import.meta.dirname, "../../../packages/db/assets/products");
const to = path.resolve(import.meta.dirname, "../public/images/products");
await rm(to, { recursive: true, force: true });
await cp(from, to, { recursive: true });
console.log(`product images: ${from} -> ${to}`);
