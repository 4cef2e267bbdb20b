// What the catalog's procedures accept. Every bound is explicit: a listing never returns more than
// 48 products, a search never takes a paragraph.
import { z } from "zod";

export const SORTS = ["popular", "price_asc", "price_desc", "newest", "rating"] as const;
export type Sort = (typeof SORTS)[number];

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "must be a lower-case slug" })
  .max(120);

export const listProductsInput = z
  .object({
    category: slug.optional(),
    brands: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
    minPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
    maxPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
    inStock: z.boolean().optional(),
    sort: z.enum(SORTS).default("popular"),
    cursor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(48).default(24),
  })
  .refine(
    (input) =>
      input.minPriceMinor === undefined ||
      input.maxPriceMinor === undefined ||
      input.minPriceMinor <= input.maxPriceMinor,
    {
      path: ["maxPriceMinor"],
      error: "must not be below minPriceMinor",
    },
  );
export type ListProductsInput = z.infer<typeof listProductsInput>;

export const productInput = z.object({ slug });

export const productsByIdsInput = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(100),
});

export const searchInput = z.object({
  query: z.string().trim().min(2, { error: "type at least 2 characters" }).max(80),
  limit: z.number().int().min(1).max(48).default(20),
});
export type SearchInput = z.infer<typeof searchInput>;
