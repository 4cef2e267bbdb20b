// Whether the shopper's browser used https: the URL says so, or the first proxy in front of us
// (X-Forwarded-Proto, which chained proxies may turn into a list) does.
export function isHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return url.protocol === "https:" || forwarded === "https";
}
