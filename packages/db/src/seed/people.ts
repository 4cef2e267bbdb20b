// Customers and their addresses, drawn deterministically. Emails use the reserved example.*
// domains (RFC 2606), so a seeded address can never reach a real person.
import { WeightedPicker } from "./random.ts";
import type { Random } from "./random.ts";

const FIRST_NAMES = (
  "Olivia Liam Emma Noah Ava Elijah Sophia James Isabella Lucas Mia Mateo Amelia Benjamin " +
  "Harper Henry Evelyn Theodore Abigail Jack Emily Levi Ella Alexander Scarlett Owen Grace " +
  "Samuel Chloe Daniel Nora Hiro Aisha Mohammed Priya Wei Sofia Diego Fatima Kenji Zara " +
  "Omar Leah Ravi Ingrid Tomas Maya Andre Julia Kofi Nadia Marcus Elena Caleb Rosa Felix " +
  "Hannah Jonah Lucia Isaac"
).split(" ");

const LAST_NAMES = (
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez " +
  "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson " +
  "White Harris Clark Lewis Walker Young Allen King Wright Scott Nguyen Hill Flores Green " +
  "Adams Nelson Baker Chen Patel Kim Okafor Sato Novak Larsen Rossi Schmidt Dubois Silva " +
  "Haddad Kowalski Murphy Reyes Fischer Ivanova"
).split(" ");

const STREETS = [
  "Maple Avenue",
  "Oak Street",
  "Cedar Lane",
  "Elm Street",
  "Pine Road",
  "Willow Way",
  "Lakeview Drive",
  "Hillcrest Road",
  "Park Avenue",
  "River Road",
  "Sunset Boulevard",
  "Highland Avenue",
  "Meadow Lane",
  "Church Street",
  "Forest Drive",
  "Harbor View",
  "Spring Street",
  "Valley Road",
  "Birch Court",
  "Mill Street",
  "Orchard Lane",
  "Bay Street",
];

export interface City {
  city: string;
  region: string | null;
  postalPrefix: string;
  country: string;
}

// Weighted towards the US (the shop's home market), with some neighbours and overseas buyers.
const CITIES: { weight: number; city: City }[] = [
  { weight: 9, city: { city: "New York", region: "NY", postalPrefix: "100", country: "US" } },
  { weight: 7, city: { city: "Los Angeles", region: "CA", postalPrefix: "900", country: "US" } },
  { weight: 6, city: { city: "Chicago", region: "IL", postalPrefix: "606", country: "US" } },
  { weight: 5, city: { city: "Houston", region: "TX", postalPrefix: "770", country: "US" } },
  { weight: 4, city: { city: "Phoenix", region: "AZ", postalPrefix: "850", country: "US" } },
  { weight: 4, city: { city: "Philadelphia", region: "PA", postalPrefix: "191", country: "US" } },
  { weight: 4, city: { city: "Seattle", region: "WA", postalPrefix: "981", country: "US" } },
  { weight: 4, city: { city: "Denver", region: "CO", postalPrefix: "802", country: "US" } },
  { weight: 4, city: { city: "Austin", region: "TX", postalPrefix: "787", country: "US" } },
  { weight: 3, city: { city: "Portland", region: "OR", postalPrefix: "972", country: "US" } },
  { weight: 3, city: { city: "Atlanta", region: "GA", postalPrefix: "303", country: "US" } },
  { weight: 3, city: { city: "Boston", region: "MA", postalPrefix: "021", country: "US" } },
  { weight: 3, city: { city: "Minneapolis", region: "MN", postalPrefix: "554", country: "US" } },
  { weight: 3, city: { city: "San Diego", region: "CA", postalPrefix: "921", country: "US" } },
  { weight: 2, city: { city: "Nashville", region: "TN", postalPrefix: "372", country: "US" } },
  { weight: 2, city: { city: "Raleigh", region: "NC", postalPrefix: "276", country: "US" } },
  { weight: 2, city: { city: "Salt Lake City", region: "UT", postalPrefix: "841", country: "US" } },
  { weight: 2, city: { city: "Toronto", region: "ON", postalPrefix: "M5V", country: "CA" } },
  { weight: 1, city: { city: "Vancouver", region: "BC", postalPrefix: "V6B", country: "CA" } },
  { weight: 1, city: { city: "Mexico City", region: "CDMX", postalPrefix: "064", country: "MX" } },
  { weight: 2, city: { city: "London", region: null, postalPrefix: "EC1", country: "GB" } },
  { weight: 1, city: { city: "Berlin", region: null, postalPrefix: "101", country: "DE" } },
  { weight: 1, city: { city: "Amsterdam", region: null, postalPrefix: "101", country: "NL" } },
  { weight: 1, city: { city: "Sydney", region: "NSW", postalPrefix: "200", country: "AU" } },
];

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
}

export interface PersonSeed {
  email: string;
  firstName: string;
  lastName: string;
  address: Address;
}

const cities = new WeightedPicker(CITIES, (entry) => entry.weight);

function drawCity(random: Random): City {
  return cities.pick(random).city;
}

function drawAddress(random: Random): Address {
  const city = drawCity(random);
  const digits = city.country === "US" || city.country === "MX" || city.country === "DE" ? 2 : 0;
  const postalCode =
    city.country === "CA"
      ? `${city.postalPrefix} ${random.int(1, 9)}${random.chars("ABCEGHJKLMNPRSTVXY", 1)}${random.int(1, 9)}`
      : city.country === "GB"
        ? `${city.postalPrefix} ${random.int(1, 9)}${random.chars("ABDEFGHJLNPQRSTUWXYZ", 2)}`
        : city.country === "AU" || city.country === "NL"
          ? `${city.postalPrefix}${random.int(0, 9)}`
          : `${city.postalPrefix}${String(random.int(0, 10 ** digits - 1)).padStart(digits, "0")}`;
  return {
    line1: `${random.int(1, 9800)} ${random.pick(STREETS)}`,
    line2: random.chance(0.18) ? `Apt ${random.int(1, 40)}${random.chars("ABCD", 1)}` : null,
    city: city.city,
    region: city.region,
    postalCode,
    country: city.country,
  };
}

export function drawPeople(random: Random, count: number): PersonSeed[] {
  const people: PersonSeed[] = [];
  const emails = new Set<string>();
  const domains = ["example.com", "example.net", "example.org"];
  while (people.length < count) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const base = `${firstName}.${lastName}`.toLowerCase();
    let email = `${base}@${random.pick(domains)}`;
    for (let n = 2; emails.has(email); n++) email = email.replace(/^[^@]+/, `${base}${n}`);
    emails.add(email);
    people.push({ email, firstName, lastName, address: drawAddress(random) });
  }
  return people;
}
