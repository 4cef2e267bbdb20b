import type { CategorySeed } from "./types.ts";

export const homeOffice: CategorySeed = {
  slug: "home-office",
  name: "Home Office",
  description:
    "Desks, chairs, lighting and desk accessories for a workspace you can comfortably spend the day in.",
  products: [
    {
      slug: "sorrel-ergonomic-office-chair",
      name: "Sorrel Ergonomic Office Chair",
      brand: "Tamberfold",
      description:
        "A mesh-back task chair with adjustable lumbar support, 4D armrests and a seat that slides " +
        "forward 2 inches for longer legs. The synchro-tilt locks in four positions, and a knob under " +
        "the seat sets how firmly it leans back. It is rated for users up to 300 lb and arrives mostly " +
        "assembled.",
      priceMinor: 42900,
      weightGrams: 21500,
      stock: 65,
      popularity: 95,
      tags: ["office chair", "desk chair", "ergonomic chair", "task chair", "mesh chair"],
    },
    {
      slug: "ridgeway-electric-standing-desk",
      name: "Ridgeway Electric Standing Desk",
      brand: "Tamberfold",
      description:
        "A dual-motor sit-stand desk that travels from 25 to 50.5 inches and stores four heights on its " +
        "keypad. The 60 x 30-inch top is laminated birch plywood with a softened front edge, and the " +
        "steel frame carries up to 265 lb. Collision detection stops the motors if the desk meets a " +
        "chair arm on the way down.",
      priceMinor: 54900,
      weightGrams: 38500,
      stock: 42,
      popularity: 88,
      tags: ["standing desk", "sit stand desk", "adjustable desk", "electric desk", "desk"],
    },
    {
      slug: "linden-oak-monitor-stand",
      name: "Linden Oak Monitor Stand",
      brand: "Tamberfold",
      description:
        "A solid white oak shelf that lifts your monitor 4.5 inches, bringing the top of the screen " +
        "closer to eye level. The gap underneath is tall enough to slide a keyboard away at the end of " +
        "the day. Rubber feet keep it from creeping across the desk, and it supports up to 55 lb.",
      priceMinor: 7900,
      weightGrams: 3100,
      stock: 120,
      popularity: 74,
      tags: ["monitor stand", "monitor riser", "desk shelf", "oak"],
    },
    {
      slug: "hollin-three-drawer-filing-cabinet",
      name: "Hollin Three-Drawer Filing Cabinet",
      brand: "Tamberfold",
      description:
        "A powder-coated steel pedestal that rolls under most desks, with two shallow drawers for " +
        "stationery and a deep bottom drawer for letter-size hanging files. One key locks all three " +
        "drawers at once. A fifth caster at the front stops the cabinet from tipping when the full file " +
        "drawer is pulled out.",
      priceMinor: 22900,
      weightGrams: 24500,
      stock: 14,
      popularity: 16,
      tags: ["filing cabinet", "file cabinet", "pedestal", "drawers", "storage"],
    },
    {
      slug: "quill-led-desk-lamp",
      name: "Quill LED Desk Lamp",
      brand: "Merriden",
      description:
        "An articulated aluminum desk lamp with a slim LED head that adjusts from a warm 2700K to a " +
        "neutral 5000K. A touch strip on the head dims it smoothly, and the lamp comes back on at the " +
        "last setting you used. The weighted base has a USB-C port that charges a phone at 18 W.",
      priceMinor: 8900,
      weightGrams: 1900,
      stock: 210,
      popularity: 92,
      tags: ["desk lamp", "led lamp", "task light", "reading lamp"],
    },
    {
      slug: "brim-monitor-light-bar",
      name: "Brim Monitor Light Bar",
      brand: "Merriden",
      description:
        "A light bar that sits on top of your monitor and aims light down at the desk without reflecting " +
        "off the screen. Brightness and color temperature are set with a wireless dial that lives next " +
        "to your mouse. It runs from a single USB-C port on the monitor or laptop.",
      priceMinor: 5995,
      weightGrams: 720,
      stock: 160,
      popularity: 57,
      tags: ["monitor light", "light bar", "screen lamp", "desk lighting"],
    },
    {
      slug: "lantry-brass-floor-lamp",
      name: "Lantry Brass Floor Lamp",
      brand: "Merriden",
      description:
        "A reading floor lamp with a solid brass stem, a marble base and a swiveling linen shade. It " +
        "stands 60 inches tall and takes one standard E26 bulb up to 60 W. The foot switch sits on the " +
        "fabric cord, so you never have to reach under the shade.",
      priceMinor: 18900,
      weightGrams: 9200,
      stock: 30,
      popularity: 24,
      tags: ["floor lamp", "reading lamp", "brass", "living room lighting"],
    },
    {
      slug: "dusk-clamp-task-lamp",
      name: "Dusk Clamp Task Lamp",
      brand: "Merriden",
      description:
        "A spring-arm task lamp that clamps to desk edges and shelves up to 2.4 inches thick, leaving " +
        "the whole desktop free. The steel shade stays cool to the touch with the included 9 W LED bulb. " +
        "It comes in matte black, sage and ochre.",
      priceMinor: 4900,
      weightGrams: 1400,
      stock: 90,
      popularity: 19,
      tags: ["clamp lamp", "desk lamp", "task lamp", "architect lamp"],
    },
    {
      slug: "heath-wool-felt-desk-mat",
      name: "Heath Wool Felt Desk Mat",
      brand: "Veldmark",
      description:
        "A 36 x 16-inch desk mat cut from 4 mm merino wool felt, big enough for a keyboard and a mouse " +
        "with room to spare. The felt quiets typing and gives an optical mouse a smooth surface to track " +
        "on. A natural rubber backing keeps it flat and in place.",
      priceMinor: 4400,
      weightGrams: 850,
      stock: 190,
      popularity: 66,
      tags: ["desk mat", "desk pad", "felt", "mouse pad"],
    },
    {
      slug: "runnel-under-desk-cable-tray",
      name: "Runnel Under-Desk Cable Tray",
      brand: "Veldmark",
      description:
        "A perforated steel tray that screws under the back edge of a desk and holds a power strip, " +
        "chargers and the slack from every cable. It is 31 inches long and open along one side so cables " +
        "drop out wherever they need to go. On a standing desk it rides up and down with the top.",
      priceMinor: 3900,
      weightGrams: 1800,
      stock: 140,
      popularity: 31,
      tags: ["cable tray", "cable management", "cord organizer", "under desk"],
    },
    {
      slug: "perch-aluminum-laptop-stand",
      name: "Perch Aluminum Laptop Stand",
      brand: "Veldmark",
      description:
        "A folding stand machined from anodized aluminum that raises a laptop screen by up to 6 inches. " +
        "It fits laptops from 11 to 16 inches and folds flat enough to carry in a sleeve pocket. Pair it " +
        "with an external keyboard to stop hunching over the screen.",
      priceMinor: 5499,
      weightGrams: 760,
      stock: 175,
      popularity: 70,
      tags: ["laptop stand", "laptop riser", "notebook stand", "aluminum"],
    },
    {
      slug: "rocker-ergonomic-footrest",
      name: "Rocker Ergonomic Footrest",
      brand: "Veldmark",
      description:
        "A footrest with a textured rocking platform that keeps your ankles moving through long " +
        "stretches at the desk. Flip the base over to switch between a fixed angle and free rocking. It " +
        "helps most when your chair height leaves your feet short of the floor.",
      priceMinor: 4995,
      weightGrams: 2400,
      stock: 60,
      popularity: 13,
      tags: ["footrest", "foot rest", "ergonomic", "under desk"],
    },
    {
      slug: "margin-a5-dot-grid-notebook",
      name: "Margin A5 Dot Grid Notebook",
      brand: "Pellatier",
      description:
        "A lay-flat A5 notebook with 192 numbered pages of 100 gsm dot-grid paper that takes fountain " +
        "pen ink without bleeding through. Inside are a blank index, two ribbon markers and a pocket in " +
        "the back cover. The cloth-bound hardcover comes in six colors.",
      priceMinor: 1800,
      weightGrams: 380,
      stock: 290,
      popularity: 59,
      tags: ["notebook", "journal", "dot grid", "bullet journal", "a5"],
    },
    {
      slug: "loft-walnut-desk-organizer",
      name: "Loft Walnut Desk Organizer",
      brand: "Pellatier",
      description:
        "A walnut organizer with a tall slot for pens, a shallow tray for clips and a sloped groove that " +
        "holds a phone upright while it charges. The compartments are lined with cork so nothing " +
        "rattles. At 9.5 x 4 inches it fits beside a monitor stand.",
      priceMinor: 6400,
      weightGrams: 900,
      stock: 80,
      popularity: 27,
      tags: ["desk organizer", "pen holder", "desk tidy", "walnut"],
    },
    {
      slug: "foundry-steel-letter-tray",
      name: "Foundry Steel Letter Tray",
      brand: "Pellatier",
      description:
        "A stackable letter tray bent from powder-coated steel, with a cutout front so you can pull " +
        "papers out without lifting the tray above. It holds US letter and A4 sheets, and three stack " +
        "into an in, pending and out system. Felt pads underneath protect the desk finish.",
      priceMinor: 3400,
      weightGrams: 1100,
      stock: 8,
      popularity: 11,
      tags: ["letter tray", "paper tray", "document tray", "inbox"],
    },
    {
      slug: "ashlar-fountain-pen",
      name: "Ashlar Fountain Pen",
      brand: "Pellatier",
      description:
        "A brass-bodied fountain pen with a steel medium nib that lays down a smooth, slightly wet line. " +
        "It fills from standard international cartridges or the included converter for bottled ink. The " +
        "weight sits toward the nib, which keeps it comfortable through long notes.",
      priceMinor: 4800,
      weightGrams: 140,
      stock: 100,
      popularity: 17,
      tags: ["fountain pen", "pen", "writing", "stationery"],
    },
  ],
};
