// Where the shop ships, grouped into the zones its rates are priced by. A country missing here is
// one we do not ship to yet: the service refuses it rather than guessing a zone (the seed's
// history prices every non-North-American country as international, and only ever ships to
// countries listed here).
export const SHIPPING_ZONES = ["domestic", "north-america", "international"] as const;

export type ShippingZone = (typeof SHIPPING_ZONES)[number];

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
}

export const COUNTRIES_BY_ZONE: Readonly<Record<ShippingZone, readonly Country[]>> = {
  domestic: [{ code: "US", name: "United States" }],
  "north-america": [
    { code: "CA", name: "Canada" },
    { code: "MX", name: "Mexico" },
  ],
  international: [
    { code: "GB", name: "United Kingdom" },
    { code: "DE", name: "Germany" },
    { code: "FR", name: "France" },
    { code: "NL", name: "Netherlands" },
    { code: "IE", name: "Ireland" },
    { code: "ES", name: "Spain" },
    { code: "IT", name: "Italy" },
    { code: "SE", name: "Sweden" },
    { code: "DK", name: "Denmark" },
    { code: "AU", name: "Australia" },
    { code: "NZ", name: "New Zealand" },
    { code: "JP", name: "Japan" },
  ],
};

const zoneByCountry = new Map<string, ShippingZone>(
  SHIPPING_ZONES.flatMap((zone) => COUNTRIES_BY_ZONE[zone].map((country) => [country.code, zone] as const)),
);

/** The zone a country ships in, or undefined when the shop does not ship there. */
export function zoneOf(countryCode: string): ShippingZone | undefined {
  return zoneByCountry.get(countryCode);
}
