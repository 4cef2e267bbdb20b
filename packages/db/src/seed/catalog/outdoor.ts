import type { CategorySeed } from "./types.ts";

export const outdoor: CategorySeed = {
  slug: "outdoor",
  name: "Outdoor",
  description: "Tents, packs, stoves and camp furniture for weekend campsites and long trails alike.",
  products: [
    {
      slug: "talus-2-person-backpacking-tent",
      name: "Talus 2-Person Backpacking Tent",
      brand: "Cairnfield",
      description:
        "A freestanding double-wall tent with two doors and two vestibules, so neither sleeper has to " +
        "crawl over the other to get out. The 20D ripstop fly is silicone-coated on the outside and " +
        "polyurethane-coated on the inside, and the hubbed aluminum poles pitch in about four minutes. " +
        "Packed weight is 1.9 kg including stakes and guylines.",
      priceMinor: 32900,
      weightGrams: 2200,
      stock: 64,
      popularity: 94,
      tags: ["tent", "backpacking tent", "2 person", "freestanding", "camping"],
    },
    {
      slug: "meadowlark-4-person-cabin-tent",
      name: "Meadowlark 4-Person Cabin Tent",
      brand: "Cairnfield",
      description:
        "A cabin-style tent with near-vertical walls and 1.9 m of standing height, built for car camping " +
        "with kids and a pile of gear. Two large D-doors, a lantern loop and eight mesh pockets keep the " +
        "floor clear. The full-coverage fly and twelve guy-out points hold steady in gusty lakeshore " +
        "wind.",
      priceMinor: 38900,
      weightGrams: 7800,
      stock: 45,
      popularity: 61,
      tags: ["tent", "family tent", "4 person", "car camping", "cabin tent"],
    },
    {
      slug: "firn-20-degree-down-sleeping-bag",
      name: "Firn 20-Degree Down Sleeping Bag",
      brand: "Cairnfield",
      description:
        "A mummy bag filled with 650-fill-power responsibly sourced duck down, rated to a 20°F (-7°C) " +
        "lower limit. The draft collar and contoured hood cinch with one hand, and the two-way zipper " +
        "lets you vent your feet on warmer nights. It comes with a compression sack for the trail and a " +
        "roomy cotton storage sack that keeps the down lofted at home.",
      priceMinor: 27900,
      weightGrams: 1250,
      stock: 72,
      popularity: 58,
      tags: ["sleeping bag", "down", "mummy bag", "3 season", "cold weather"],
    },
    {
      slug: "driftless-insulated-sleeping-pad",
      name: "Driftless Insulated Sleeping Pad",
      brand: "Cairnfield",
      description:
        "An inflatable pad with an R-value of 4.2, warm enough for shoulder-season nights on cold ground. " +
        "It is 7.6 cm thick when full and inflates in about fifteen breaths with the included pump sack. " +
        "The flat valve dumps air in seconds, so packing up in the morning is quick.",
      priceMinor: 14995,
      weightGrams: 620,
      stock: 110,
      popularity: 73,
      tags: ["sleeping pad", "air mattress", "inflatable", "camping mat", "insulated"],
    },
    {
      slug: "scree-ultralight-tarp",
      name: "Scree Ultralight Tarp",
      brand: "Cairnfield",
      description:
        "A 3 x 2.7 m catenary-cut silnylon tarp that pitches as an A-frame, a lean-to or a low storm " +
        "shelter with two trekking poles. Sixteen reinforced tie-outs give you options on uneven ground. " +
        "The ridge seam is factory-taped, so there's nothing to seal before your first trip.",
      priceMinor: 18900,
      weightGrams: 520,
      stock: 12,
      popularity: 14,
      tags: ["tarp", "ultralight", "shelter", "rain fly", "hammock tarp"],
    },
    {
      slug: "cinder-canister-camp-stove",
      name: "Cinder Canister Camp Stove",
      brand: "Emberlake",
      description:
        "A compact stove that threads onto standard isobutane-propane canisters and boils a liter of " +
        "water in about three and a half minutes. The serrated pot supports fold in, and the burner fits " +
        "inside most 750 ml pots. A piezo igniter is built in, but keep a lighter in your kit for cold, " +
        "high-altitude mornings.",
      priceMinor: 6495,
      weightGrams: 260,
      stock: 180,
      popularity: 88,
      tags: ["camp stove", "backpacking stove", "gas stove", "canister stove", "cooking"],
    },
    {
      slug: "hearthside-two-burner-camping-stove",
      name: "Hearthside Two-Burner Camping Stove",
      brand: "Emberlake",
      description:
        "A tabletop propane stove with two independently controlled 10,000 BTU burners and wind panels " +
        "that fold up on three sides. The grate holds a 30 cm skillet next to a full-size kettle. It runs " +
        "on standard 1 lb propane cylinders, or on a bulk tank with an adapter hose sold separately.",
      priceMinor: 14900,
      weightGrams: 5200,
      stock: 54,
      popularity: 47,
      tags: ["camping stove", "propane", "two burner", "car camping", "camp kitchen"],
    },
    {
      slug: "foxfire-rechargeable-camp-lantern",
      name: "Foxfire Rechargeable Camp Lantern",
      brand: "Emberlake",
      description:
        "A 400-lumen LED lantern with a dial that runs from warm amber to daylight white, plus a red mode " +
        "that won't wreck everyone's night vision. The 5,200 mAh battery lasts about 20 hours on low and " +
        "can top up a phone through the USB-C port. A folding hook and a magnetic base let you hang it " +
        "from a tent loop or stick it to a tailgate.",
      priceMinor: 4999,
      weightGrams: 480,
      stock: 240,
      popularity: 91,
      tags: ["lantern", "camping light", "led", "rechargeable", "power bank"],
    },
    {
      slug: "sliver-750-ml-titanium-camp-pot",
      name: "Sliver 750 ml Titanium Camp Pot",
      brand: "Emberlake",
      description:
        "A single-wall titanium pot that weighs 105 g and doubles as your mug. Volume markings are etched " +
        "inside, the folding handles are silicone-sleeved so you can grab it off the flame, and the lid " +
        "has a strainer edge for pasta. A small canister stove and a 110 g fuel can nest inside.",
      priceMinor: 4495,
      weightGrams: 200,
      stock: 150,
      popularity: 16,
      tags: ["pot", "titanium", "cookware", "camp mug", "backpacking"],
    },
    {
      slug: "corrie-55l-trekking-backpack",
      name: "Corrie 55L Trekking Backpack",
      brand: "Tarnhollow",
      description:
        "A 55-liter pack for multi-day trips with an adjustable back that fits torso lengths from 41 to " +
        "53 cm. The suspended mesh back panel keeps air moving on hot climbs, and the hipbelt pockets " +
        "hold a phone and a couple of snack bars. A zippered front panel opens the main compartment so " +
        "you can reach your rain jacket without unpacking from the top.",
      priceMinor: 23900,
      weightGrams: 1850,
      stock: 88,
      popularity: 79,
      tags: ["backpack", "hiking pack", "trekking", "backpacking", "rucksack"],
    },
    {
      slug: "fellwalker-22l-daypack",
      name: "Fellwalker 22L Daypack",
      brand: "Tarnhollow",
      description:
        "A 22-liter daypack with a hydration sleeve, a stretch front pocket for a wet shell and two side " +
        "bottle pockets you can reach while walking. The hipbelt is removable for days in town. It's made " +
        "from 210D recycled nylon with a coating that sheds light rain.",
      priceMinor: 8995,
      weightGrams: 780,
      stock: 205,
      popularity: 84,
      tags: ["daypack", "backpack", "hiking", "hydration", "day hike"],
    },
    {
      slug: "loftway-carbon-trekking-poles",
      name: "Loftway Carbon Trekking Poles",
      brand: "Tarnhollow",
      description:
        "A pair of three-section carbon fiber poles that collapse to 64 cm and adjust from 105 to 135 cm " +
        "with lever locks you can work in gloves. The cork grips mold to your hands over time and stay " +
        "comfortable when they get sweaty. Carbide tips, rubber feet for pavement and small snow baskets " +
        "are included.",
      priceMinor: 12900,
      weightGrams: 560,
      stock: 70,
      popularity: 27,
      tags: ["trekking poles", "hiking poles", "walking sticks", "carbon"],
    },
    {
      slug: "rillflow-4l-gravity-water-filter",
      name: "Rillflow 4L Gravity Water Filter",
      brand: "Tarnhollow",
      description:
        "Fill the 4-liter dirty bag at a stream, hang it from a branch and the hollow-fiber cartridge " +
        "filters into your bottle at about 1.5 liters a minute. The 0.1-micron filter removes bacteria " +
        "and protozoa and can be backflushed in the field with the included syringe. Keep it from " +
        "freezing, which can crack the fibers without any visible damage.",
      priceMinor: 9995,
      weightGrams: 420,
      stock: 96,
      popularity: 41,
      tags: ["water filter", "water purifier", "gravity filter", "backcountry", "hiking"],
    },
    {
      slug: "sycamore-double-camping-hammock",
      name: "Sycamore Double Camping Hammock",
      brand: "Brindlecreek",
      description:
        "A 70D parachute nylon hammock, 3 m long and wide enough for two, or for one person to lie on the " +
        "diagonal. It stuffs into an attached pouch and comes with 3 m tree straps that have 18 loops " +
        "each, so you never need to tie a knot. Rated to 180 kg.",
      priceMinor: 6999,
      weightGrams: 720,
      stock: 160,
      popularity: 67,
      tags: ["hammock", "camping hammock", "tree straps", "double", "portable"],
    },
    {
      slug: "ashgrove-folding-camp-chair",
      name: "Ashgrove Folding Camp Chair",
      brand: "Brindlecreek",
      description:
        "A quad-fold camp chair with a 600D polyester seat, padded armrests and a mesh cup holder on each " +
        "side. The steel frame holds up to 136 kg and folds into a shoulder bag in seconds. The 46 cm " +
        "seat height makes it easy to get up from at the end of a long evening by the fire.",
      priceMinor: 5995,
      weightGrams: 2600,
      stock: 140,
      popularity: 52,
      tags: ["camp chair", "folding chair", "camping", "beach chair"],
    },
    {
      slug: "longleaf-roll-top-camp-table",
      name: "Longleaf Roll-Top Camp Table",
      brand: "Brindlecreek",
      description:
        "An aluminum slat table that rolls into a 60 cm carry bag and sets up on a shock-corded X-frame " +
        "without tools. The 70 x 70 cm top is large enough for a two-burner stove and a cutting board. " +
        "The slats are anodized, so spilled coffee and bacon grease wipe right off.",
      priceMinor: 8900,
      weightGrams: 3100,
      stock: 8,
      popularity: 18,
      tags: ["camp table", "folding table", "aluminum", "picnic table"],
    },
  ],
};
