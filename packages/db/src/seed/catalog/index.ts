import { audio } from "./audio.ts";
import { bagsTravel } from "./bags-travel.ts";
import { coffeeTea } from "./coffee-tea.ts";
import { fitness } from "./fitness.ts";
import { gamesToys } from "./games-toys.ts";
import { homeOffice } from "./home-office.ts";
import { kitchen } from "./kitchen.ts";
import { outdoor } from "./outdoor.ts";
import type { CategorySeed } from "./types.ts";

export type { CategorySeed, ProductSeed } from "./types.ts";

/** Navigation order. */
export const catalog: readonly CategorySeed[] = [
  audio,
  homeOffice,
  kitchen,
  coffeeTea,
  outdoor,
  fitness,
  gamesToys,
  bagsTravel,
];
