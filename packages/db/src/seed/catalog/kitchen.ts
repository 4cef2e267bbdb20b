import type { CategorySeed } from "./types.ts";

export const kitchen: CategorySeed = {
  slug: "kitchen",
  name: "Kitchen",
  description: "Knives, cookware, small appliances and the everyday tools that get dinner on the table.",
  products: [
    {
      slug: "harrow-8-inch-chefs-knife",
      name: "Harrow 8-Inch Chef's Knife",
      brand: "Fennick",
      description:
        "An 8-inch chef's knife forged from high-carbon stainless steel and ground thin behind the edge, " +
        "so it goes through onions and butternut squash without wedging. The full tang runs through a " +
        "riveted pakkawood handle with a rounded spine that is easy on a pinch grip. It is sharpened to " +
        "15 degrees per side before it ships.",
      priceMinor: 11900,
      weightGrams: 480,
      stock: 200,
      popularity: 93,
      tags: ["chef knife", "kitchen knife", "cooks knife", "knife"],
    },
    {
      slug: "harrow-paring-knife",
      name: "Harrow Paring Knife",
      brand: "Fennick",
      description:
        "A 3.5-inch paring knife in the same steel and handle as the Harrow chef's knife, sized for " +
        "peeling apples, hulling strawberries and trimming shallots. The narrow tip gets into tight " +
        "spots like tomato cores. It ships with a slim sheath that doubles as drawer storage.",
      priceMinor: 3900,
      weightGrams: 140,
      stock: 150,
      popularity: 48,
      tags: ["paring knife", "kitchen knife", "peeling knife", "knife"],
    },
    {
      slug: "stave-end-grain-cutting-board",
      name: "Stave End-Grain Cutting Board",
      brand: "Fennick",
      description:
        "A 2-inch-thick end-grain maple board measuring 18 x 12 inches, where the knife edge slips " +
        "between the wood fibers rather than cutting across them. A juice groove runs around one face, " +
        "and the other side is flat for bread and cheese. Wash it by hand and oil it monthly with the " +
        "included food-safe board oil.",
      priceMinor: 8900,
      weightGrams: 3900,
      stock: 70,
      popularity: 62,
      tags: ["cutting board", "chopping board", "butcher block", "maple"],
    },
    {
      slug: "tandem-combination-whetstone",
      name: "Tandem Combination Whetstone",
      brand: "Fennick",
      description:
        "A double-sided water stone with a 1000-grit face for setting an edge and a 6000-grit face for " +
        "polishing it. Soak it for ten minutes, then sharpen on the non-slip bamboo base. A clip-on " +
        "angle guide helps if you are new to freehand sharpening.",
      priceMinor: 4200,
      weightGrams: 950,
      stock: 85,
      popularity: 21,
      tags: ["whetstone", "sharpening stone", "knife sharpener", "water stone"],
    },
    {
      slug: "cinder-10-inch-cast-iron-skillet",
      name: "Cinder 10-Inch Cast Iron Skillet",
      brand: "Thorneby",
      description:
        "A 10-inch cast iron skillet with a machined-smooth cooking surface that releases eggs once the " +
        "seasoning builds up. It comes pre-seasoned with flaxseed oil and works on gas, on induction, in " +
        "the oven and over a campfire. Two pour spouts and a helper handle make it easier to move when " +
        "it is full.",
      priceMinor: 5400,
      weightGrams: 2900,
      stock: 230,
      popularity: 90,
      tags: ["skillet", "cast iron pan", "frying pan", "cast iron"],
    },
    {
      slug: "cinder-enameled-dutch-oven",
      name: "Cinder Enameled Dutch Oven",
      brand: "Thorneby",
      description:
        "A 5.5-quart enameled cast iron Dutch oven for braises, stews and no-knead bread. The " +
        "sand-colored interior makes it easy to see how your browning is going, and dimples under the " +
        "lid drip condensation back onto the food. The stainless knob is oven-safe to 500°F.",
      priceMinor: 17900,
      weightGrams: 6100,
      stock: 55,
      popularity: 72,
      tags: ["dutch oven", "cast iron pot", "casserole", "braiser"],
    },
    {
      slug: "bellwether-3-quart-saucepan",
      name: "Bellwether 3-Quart Saucepan",
      brand: "Thorneby",
      description:
        "A tri-ply saucepan with an aluminum core that runs up the sides, so sauces heat evenly instead " +
        "of scorching at the edges. The rolled rim pours without drips, and the glass lid has a steam " +
        "vent. It works on induction and can go in the dishwasher.",
      priceMinor: 8900,
      weightGrams: 1700,
      stock: 95,
      popularity: 34,
      tags: ["saucepan", "sauce pan", "pot", "stainless steel", "tri-ply"],
    },
    {
      slug: "ember-14-inch-carbon-steel-wok",
      name: "Ember 14-Inch Carbon Steel Wok",
      brand: "Thorneby",
      description:
        "A flat-bottomed carbon steel wok that sits steady on electric and induction burners and still " +
        "gets hot enough for a proper stir-fry. It arrives with a protective wax coating to scrub off " +
        "before you season it. The long wooden handle stays cool, and a loop handle on the far side " +
        "helps when tossing.",
      priceMinor: 6900,
      weightGrams: 2100,
      stock: 60,
      popularity: 26,
      tags: ["wok", "stir fry pan", "carbon steel", "pan"],
    },
    {
      slug: "eddy-immersion-blender",
      name: "Eddy Immersion Blender",
      brand: "Sabrelle",
      description:
        "A 500-watt stick blender with a stainless bell guard that won't scratch nonstick pots. Twelve " +
        "speeds and a turbo button cover everything from smooth soups to homemade mayonnaise. The " +
        "blending shaft, whisk and 2-cup chopper click off and go in the dishwasher.",
      priceMinor: 6999,
      weightGrams: 1600,
      stock: 140,
      popularity: 55,
      tags: ["immersion blender", "hand blender", "stick blender", "blender"],
    },
    {
      slug: "atelier-stand-mixer",
      name: "Atelier Stand Mixer",
      brand: "Sabrelle",
      description:
        "A tilt-head stand mixer with a 5-quart stainless bowl and a 600-watt motor that kneads stiff " +
        "bread dough without stalling. It comes with a dough hook, a flat beater and a wire whip, and " +
        "the splash guard has a chute for adding flour mid-mix. The planetary action reaches the sides " +
        "of the bowl, so you stop to scrape less often.",
      priceMinor: 37900,
      weightGrams: 11800,
      stock: 38,
      popularity: 41,
      tags: ["stand mixer", "mixer", "baking", "dough mixer"],
    },
    {
      slug: "tare-digital-kitchen-scale",
      name: "Tare Digital Kitchen Scale",
      brand: "Sabrelle",
      description:
        "A slim kitchen scale that weighs up to 11 lb in 1-gram steps and switches between grams, ounces " +
        "and milliliters. The tempered glass platform wipes clean, and the backlit display stays " +
        "readable under a wide mixing bowl. It runs on two AAA batteries, which are included.",
      priceMinor: 2995,
      weightGrams: 620,
      stock: 260,
      popularity: 68,
      tags: ["kitchen scale", "food scale", "digital scale", "baking scale"],
    },
    {
      slug: "crumb-two-slice-toaster",
      name: "Crumb Two-Slice Toaster",
      brand: "Sabrelle",
      description:
        "A two-slice toaster with extra-wide slots for bagels and thick sourdough, plus a bagel setting " +
        "that toasts only the cut side. A high-lift lever raises small slices far enough to grab without " +
        "burned fingers. The crumb tray slides out from the front, so there is no need to tip the " +
        "toaster over.",
      priceMinor: 7900,
      weightGrams: 2300,
      stock: 75,
      popularity: 19,
      tags: ["toaster", "bagel toaster", "2 slice toaster", "breakfast"],
    },
    {
      slug: "millbrook-half-sheet-pan",
      name: "Millbrook Half Sheet Pan",
      brand: "Copperleigh",
      description:
        "An 18 x 13-inch half sheet pan in heavy-gauge aluminum with a steel-reinforced rim that keeps " +
        "it from warping in a hot oven. It is the size most home ovens and cooling racks are built " +
        "around. Hand wash it to keep the natural finish from dulling.",
      priceMinor: 2400,
      weightGrams: 1100,
      stock: 180,
      popularity: 37,
      tags: ["sheet pan", "baking sheet", "baking tray", "cookie sheet"],
    },
    {
      slug: "rill-silicone-spatula-set",
      name: "Rill Silicone Spatula Set",
      brand: "Copperleigh",
      description:
        "Three spatulas in small, medium and large, each molded in one piece of silicone around a steel " +
        "core, so there is no seam for food to hide in. They are heat-safe to 600°F for scrambling eggs " +
        "and stirring caramel. The large one has a straight edge for scraping the last of the batter " +
        "from a bowl.",
      priceMinor: 1995,
      weightGrams: 310,
      stock: 210,
      popularity: 44,
      tags: ["spatula", "silicone spatula", "scraper", "utensils"],
    },
    {
      slug: "grist-granite-mortar-and-pestle",
      name: "Grist Granite Mortar and Pestle",
      brand: "Copperleigh",
      description:
        "An unpolished granite mortar and pestle with a 2-cup bowl, heavy enough that it stays put while " +
        "you pound curry paste or crack peppercorns. The rough interior grips seeds and garlic instead " +
        "of letting them skid around. Season it before first use by grinding a handful of uncooked rice.",
      priceMinor: 3900,
      weightGrams: 3600,
      stock: 45,
      popularity: 12,
      tags: ["mortar and pestle", "spice grinder", "granite", "pestle"],
    },
    {
      slug: "pinch-olive-wood-salt-cellar",
      name: "Pinch Olive Wood Salt Cellar",
      brand: "Copperleigh",
      description:
        "A lidded salt cellar turned from a single block of olive wood, with a brass-pinned swivel lid " +
        "that opens with one thumb. It holds about half a cup of flaky or kosher salt within reach of " +
        "the stove. Wipe it with a dry cloth and oil it now and then so the wood doesn't dry out.",
      priceMinor: 2800,
      weightGrams: 280,
      stock: 11,
      popularity: 9,
      tags: ["salt cellar", "salt box", "salt pig", "olive wood"],
    },
  ],
};
