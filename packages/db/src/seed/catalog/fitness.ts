import type { CategorySeed } from "./types.ts";

export const fitness: CategorySeed = {
  slug: "fitness",
  name: "Fitness",
  description: "Home gym equipment, yoga gear and recovery tools for training in whatever space you have.",
  products: [
    {
      slug: "anvil-52-lb-adjustable-dumbbell-set",
      name: "Anvil 52 lb Adjustable Dumbbell Set",
      brand: "Ironhearth",
      description:
        "A pair of dial-select dumbbells that each adjust from 5 to 52.5 lb in 15 steps, replacing a full " +
        "rack in the space of a small rug. Turn the end dials while the dumbbell rests in its tray and " +
        "the plates you don't need stay behind. Weight changes take about two seconds between sets.",
      priceMinor: 39900,
      weightGrams: 48000,
      stock: 42,
      popularity: 96,
      tags: ["dumbbells", "adjustable dumbbell", "weights", "home gym", "free weights"],
    },
    {
      slug: "forgeline-16-kg-cast-iron-kettlebell",
      name: "Forgeline 16 kg Cast Iron Kettlebell",
      brand: "Ironhearth",
      description:
        "A single-cast kettlebell with no welds or seams, finished in a light powder coat that holds " +
        "chalk without tearing up your palms. The handle window is wide enough for two-hand swings, and " +
        "the flat base keeps it steady for renegade rows. 16 kg is a common starting weight for swings " +
        "and goblet squats.",
      priceMinor: 6495,
      weightGrams: 16600,
      stock: 130,
      popularity: 74,
      tags: ["kettlebell", "cast iron", "weights", "swings", "strength"],
    },
    {
      slug: "trestle-adjustable-weight-bench",
      name: "Trestle Adjustable Weight Bench",
      brand: "Ironhearth",
      description:
        "A flat, incline and decline bench with seven back positions and a three-position seat that stops " +
        "you sliding on steep inclines. The 11-gauge steel frame is rated for 320 kg including the user. " +
        "Rear wheels and a front handle let one person roll it against the wall after a workout.",
      priceMinor: 24900,
      weightGrams: 21000,
      stock: 55,
      popularity: 63,
      tags: ["weight bench", "incline bench", "flat bench", "home gym"],
    },
    {
      slug: "deadfall-10-kg-bumper-plate-pair",
      name: "Deadfall 10 kg Bumper Plate Pair",
      brand: "Ironhearth",
      description:
        "Two 10 kg virgin rubber bumper plates with stainless steel inserts that fit any 50 mm Olympic " +
        "sleeve. They are full 450 mm diameter, so the bar sits at standard height for deadlifts off the " +
        "floor. The rubber has a low bounce and a faint smell that fades after a week or two in a " +
        "ventilated room.",
      priceMinor: 10900,
      weightGrams: 20800,
      stock: 9,
      popularity: 17,
      tags: ["bumper plates", "weight plates", "olympic", "barbell", "rubber"],
    },
    {
      slug: "lintel-doorway-pull-up-bar",
      name: "Lintel Doorway Pull-Up Bar",
      brand: "Ironhearth",
      description:
        "A leverage-mounted bar that hooks over a standard door frame between 61 and 81 cm wide, with no " +
        "screws and foam pads to protect the trim. Wide, neutral and narrow grips let you switch between " +
        "pull-ups and chin-ups. Lift it off and set it on the floor for push-ups and dips.",
      priceMinor: 3999,
      weightGrams: 1900,
      stock: 190,
      popularity: 57,
      tags: ["pull up bar", "chin up bar", "doorway", "calisthenics"],
    },
    {
      slug: "saltgrass-5-mm-natural-rubber-yoga-mat",
      name: "Saltgrass 5 mm Natural Rubber Yoga Mat",
      brand: "Verdalune",
      description:
        "A 5 mm mat with a natural tree-rubber base and a polyurethane top layer that stays grippy when " +
        "your palms get sweaty. At 183 x 66 cm it's a little longer and wider than standard, and the " +
        "alignment lines are laser-etched rather than printed. It weighs 2.4 kg, so it stays flat on the " +
        "floor but is heavier to carry than a PVC mat.",
      priceMinor: 9800,
      weightGrams: 2600,
      stock: 150,
      popularity: 92,
      tags: ["yoga mat", "exercise mat", "non slip", "natural rubber", "pilates"],
    },
    {
      slug: "heartwood-cork-yoga-block-set",
      name: "Heartwood Cork Yoga Block Set",
      brand: "Verdalune",
      description:
        "Two dense cork blocks, 23 x 15 x 10 cm, with beveled edges that are comfortable under the hands. " +
        "Cork is firmer than foam and won't squash down under a supported bridge or seated fold. New " +
        "blocks smell faintly of wood and darken slightly with use.",
      priceMinor: 3400,
      weightGrams: 1300,
      stock: 120,
      popularity: 44,
      tags: ["yoga block", "cork", "yoga props", "yoga brick"],
    },
    {
      slug: "tether-cotton-yoga-strap",
      name: "Tether Cotton Yoga Strap",
      brand: "Verdalune",
      description:
        "An 8-foot strap of tightly woven cotton with a cinch D-ring buckle that holds its position " +
        "without slipping. Use it to reach your feet in seated folds or to hold a hamstring stretch lying " +
        "down. It also works as a carry sling for a rolled mat.",
      priceMinor: 1495,
      weightGrams: 180,
      stock: 260,
      popularity: 31,
      tags: ["yoga strap", "stretching strap", "mobility", "flexibility"],
    },
    {
      slug: "hush-buckwheat-meditation-cushion",
      name: "Hush Buckwheat Meditation Cushion",
      brand: "Verdalune",
      description:
        "A round zafu filled with organic buckwheat hulls that shift to support your hips at the height " +
        "you need. The cover is heavy cotton canvas that comes off for washing, and a zipped inner liner " +
        "lets you add or remove hulls. A side handle makes it easy to carry to class.",
      priceMinor: 5900,
      weightGrams: 2400,
      stock: 14,
      popularity: 12,
      tags: ["meditation cushion", "zafu", "buckwheat", "floor cushion"],
    },
    {
      slug: "whiplash-speed-jump-rope",
      name: "Whiplash Speed Jump Rope",
      brand: "Pulsewright",
      description:
        "A coated steel cable rope with ball-bearing handles that spin fast enough for double-unders. The " +
        "length adjusts with a set screw in the handle, so you trim it to your height once and forget it. " +
        "A spare cable and a small hex key are included.",
      priceMinor: 2499,
      weightGrams: 250,
      stock: 280,
      popularity: 81,
      tags: ["jump rope", "skipping rope", "speed rope", "cardio", "double unders"],
    },
    {
      slug: "tension-stack-resistance-band-set",
      name: "Tension Stack Resistance Band Set",
      brand: "Pulsewright",
      description:
        "Five latex tube bands from 10 to 50 lb that clip together for up to 150 lb of resistance. The " +
        "set includes two cushioned handles, ankle straps and a door anchor, so rows, presses and " +
        "kickbacks all work from one doorway. Everything fits in the mesh bag for travel.",
      priceMinor: 3995,
      weightGrams: 900,
      stock: 230,
      popularity: 89,
      tags: ["resistance bands", "exercise bands", "tube bands", "home workout"],
    },
    {
      slug: "quickstep-6-m-agility-ladder",
      name: "Quickstep 6 m Agility Ladder",
      brand: "Pulsewright",
      description:
        "A 6-meter ladder with 12 rungs that slide along the straps, so you can set the spacing for " +
        "different footwork drills. The rungs are flat plastic that won't roll an ankle if you land on " +
        "one. It comes with four ground stakes and a carry bag.",
      priceMinor: 2799,
      weightGrams: 700,
      stock: 65,
      popularity: 16,
      tags: ["agility ladder", "speed training", "footwork", "drills"],
    },
    {
      slug: "rucksteady-10-kg-weighted-vest",
      name: "Rucksteady 10 kg Weighted Vest",
      brand: "Pulsewright",
      description:
        "A 10 kg vest that carries its load in removable iron-sand bags, so you can drop to 6 or 8 kg " +
        "while you build up. The weight sits high and close to the chest, which keeps it from bouncing on " +
        "runs. Wide shoulder pads and a double hook-and-loop waist strap prevent rubbing on long rucks.",
      priceMinor: 11900,
      weightGrams: 10800,
      stock: 48,
      popularity: 38,
      tags: ["weighted vest", "weight vest", "rucking", "calisthenics"],
    },
    {
      slug: "groundwork-textured-foam-roller",
      name: "Groundwork Textured Foam Roller",
      brand: "Mendfield",
      description:
        "A 33 cm roller with a hollow core and a ridged EVA surface that works into calves and quads more " +
        "firmly than smooth foam. It holds its shape under full body weight instead of flattening over " +
        "the months like softer rollers. The hollow center is a handy place to store a resistance band.",
      priceMinor: 3499,
      weightGrams: 800,
      stock: 175,
      popularity: 70,
      tags: ["foam roller", "recovery", "massage", "mobility", "muscle"],
    },
    {
      slug: "thrum-percussion-massage-gun",
      name: "Thrum Percussion Massage Gun",
      brand: "Mendfield",
      description:
        "A handheld percussion massager with five speeds, a 12 mm stroke and six attachments, including a " +
        "flat head and a soft cushion head for bony areas. The battery lasts about three hours of use and " +
        "recharges over USB-C. On the lowest setting it's quiet enough to use while watching TV.",
      priceMinor: 14900,
      weightGrams: 1400,
      stock: 60,
      popularity: 66,
      tags: ["massage gun", "percussion massager", "recovery", "deep tissue"],
    },
    {
      slug: "knotwork-massage-ball-set",
      name: "Knotwork Massage Ball Set",
      brand: "Mendfield",
      description:
        "Two firm rubber balls and one peanut-shaped double ball for working trigger points in the " +
        "shoulders, glutes and along either side of the spine. The rubber is dense enough to press into " +
        "knots without squashing flat. They come in a zip pouch that fits in a gym bag.",
      priceMinor: 1999,
      weightGrams: 350,
      stock: 210,
      popularity: 24,
      tags: ["massage ball", "lacrosse ball", "trigger point", "recovery"],
    },
  ],
};
