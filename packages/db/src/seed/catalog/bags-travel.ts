import type { CategorySeed } from "./types.ts";

export const bagsTravel: CategorySeed = {
  slug: "bags-travel",
  name: "Bags & Travel",
  description: "Luggage, everyday bags and organizers built for airports, commutes and weekends away.",
  products: [
    {
      slug: "layover-carry-on-spinner-suitcase",
      name: "Layover Carry-On Spinner Suitcase",
      brand: "Portavel",
      description:
        "A polycarbonate hard-shell carry-on, 55 x 35 x 23 cm, sized for the overhead bins of most US and " +
        "international airlines. Four double spinner wheels roll quietly on terminal floors, and the " +
        "TSA-accepted combination lock is built into the side. Inside, a zippered divider and compression " +
        "straps keep folded clothes from shifting.",
      priceMinor: 24900,
      weightGrams: 3600,
      stock: 140,
      popularity: 97,
      tags: ["suitcase", "carry on", "luggage", "spinner", "hard shell"],
    },
    {
      slug: "layover-medium-checked-suitcase",
      name: "Layover Medium Checked Suitcase",
      brand: "Portavel",
      description:
        "A 66 cm checked spinner that holds about a week of clothes in 75 liters. An expansion zipper " +
        "adds 4 cm for the trip home, though a fully expanded bag can creep past airline weight limits. " +
        "The polycarbonate shell has a fine texture that hides scuffs from baggage belts.",
      priceMinor: 29900,
      weightGrams: 4600,
      stock: 72,
      popularity: 71,
      tags: ["suitcase", "checked luggage", "spinner", "medium suitcase"],
    },
    {
      slug: "longhaul-large-checked-suitcase",
      name: "Longhaul Large Checked Suitcase",
      brand: "Portavel",
      description:
        "A 76 cm aluminum-frame suitcase for two-week trips or for packing for two. It opens " +
        "clamshell-style into two equal compartments, each with a zippered mesh panel. At 5 kg empty, it " +
        "leaves about 18 kg of packing under a standard 23 kg checked-bag allowance.",
      priceMinor: 34900,
      weightGrams: 5400,
      stock: 44,
      popularity: 38,
      tags: ["large suitcase", "checked luggage", "family travel", "aluminum"],
    },
    {
      slug: "shortstay-underseat-rolling-tote",
      name: "Shortstay Underseat Rolling Tote",
      brand: "Portavel",
      description:
        "A two-wheeled rolling tote that fits under the seat in front of you on most airlines, so it " +
        "counts as a personal item on basic fares. A trolley sleeve on the back slides over a suitcase " +
        "handle. There's a padded sleeve for a 15-inch laptop and a front pocket for your passport and " +
        "boarding pass.",
      priceMinor: 16900,
      weightGrams: 2400,
      stock: 12,
      popularity: 18,
      tags: ["underseat bag", "personal item", "rolling bag", "carry on", "tote"],
    },
    {
      slug: "ashby-leather-weekender-duffel",
      name: "Ashby Leather Weekender Duffel",
      brand: "Harrowgate & Finch",
      description:
        "A full-grain, vegetable-tanned leather weekender that darkens and softens with use. It holds " +
        "about 40 liters, enough for three or four days, with a zippered shoe compartment at one end. The " +
        "brass hardware is solid rather than plated, and the shoulder strap detaches.",
      priceMinor: 39500,
      weightGrams: 2300,
      stock: 9,
      popularity: 41,
      tags: ["weekender", "duffel bag", "leather bag", "overnight bag", "holdall"],
    },
    {
      slug: "cartwright-waxed-canvas-messenger-bag",
      name: "Cartwright Waxed Canvas Messenger Bag",
      brand: "Harrowgate & Finch",
      description:
        "A messenger bag in 18 oz waxed cotton canvas with leather trim and a padded sleeve for a 14-inch " +
        "laptop. The wax sheds rain and can be refreshed with a bar of fabric wax when the canvas starts " +
        "to look dry. Two bridle-leather straps close the flap, with magnetic snaps hidden underneath for " +
        "quick access.",
      priceMinor: 17900,
      weightGrams: 1300,
      stock: 60,
      popularity: 46,
      tags: ["messenger bag", "waxed canvas", "laptop bag", "shoulder bag"],
    },
    {
      slug: "bearing-leather-passport-wallet",
      name: "Bearing Leather Passport Wallet",
      brand: "Harrowgate & Finch",
      description:
        "A slim wallet that holds a passport, four cards, folded cash and a boarding pass in a " +
        "full-length back pocket. It's cut from the same vegetable-tanned leather as the Ashby weekender, " +
        "with edges burnished by hand. An RFID-blocking liner is stitched into the card side.",
      priceMinor: 5900,
      weightGrams: 150,
      stock: 190,
      popularity: 68,
      tags: ["passport holder", "passport wallet", "travel wallet", "leather", "rfid"],
    },
    {
      slug: "ledger-leather-toiletry-bag",
      name: "Ledger Leather Toiletry Bag",
      brand: "Harrowgate & Finch",
      description:
        "A wide-mouth toiletry bag in pull-up leather with a water-resistant lining that wipes clean " +
        "after a leaky shampoo bottle. A metal frame holds the opening wide, so you can see everything " +
        "inside. An interior zip pocket keeps razors and small items separate.",
      priceMinor: 8900,
      weightGrams: 420,
      stock: 85,
      popularity: 35,
      tags: ["toiletry bag", "dopp kit", "wash bag", "leather", "shaving kit"],
    },
    {
      slug: "farlander-40l-travel-backpack",
      name: "Farlander 40L Travel Backpack",
      brand: "Driftmere",
      description:
        "A 40-liter pack that opens flat like a suitcase and fits most carry-on limits, built for " +
        "traveling with one bag. The shoulder straps and hipbelt tuck behind a back panel before you " +
        "check it or lift it into an overhead bin. A separate lay-flat compartment holds a 16-inch laptop " +
        "for quicker security screening.",
      priceMinor: 21900,
      weightGrams: 1900,
      stock: 105,
      popularity: 92,
      tags: ["travel backpack", "carry on backpack", "one bag", "40l", "laptop"],
    },
    {
      slug: "squall-60l-water-resistant-duffel",
      name: "Squall 60L Water-Resistant Duffel",
      brand: "Driftmere",
      description:
        "A 60-liter duffel in TPU-laminated polyester that shrugs off rain, snow and spray on boat decks. " +
        "Padded shoulder straps stow under a flap, so you can carry it as a backpack through an airport. " +
        "When you're not using it, it folds into its own end pocket.",
      priceMinor: 13900,
      weightGrams: 1400,
      stock: 120,
      popularity: 64,
      tags: ["duffel bag", "travel duffel", "gym bag", "waterproof", "backpack straps"],
    },
    {
      slug: "commonroom-24l-laptop-backpack",
      name: "Commonroom 24L Laptop Backpack",
      brand: "Driftmere",
      description:
        "A 24-liter commuter pack with a suspended sleeve that keeps a 16-inch laptop off the ground when " +
        "you set the bag down. The clamshell main compartment has pockets for chargers, pens and a " +
        "tablet. A luggage pass-through on the back panel and a bottle pocket that zips flat when empty " +
        "round it out.",
      priceMinor: 12900,
      weightGrams: 1100,
      stock: 180,
      popularity: 78,
      tags: ["laptop backpack", "work backpack", "commuter", "school bag"],
    },
    {
      slug: "ferrylight-packable-daypack",
      name: "Ferrylight Packable Daypack",
      brand: "Driftmere",
      description:
        "An 18-liter daypack in 30D silicone-coated nylon that stuffs into its own zip pocket, about the " +
        "size of an orange. Throw it in your suitcase for day trips once you arrive. It weighs 110 g, so " +
        "keep the load under about 8 kg.",
      priceMinor: 3995,
      weightGrams: 200,
      stock: 240,
      popularity: 49,
      tags: ["packable backpack", "daypack", "foldable", "lightweight"],
    },
    {
      slug: "foldwise-compression-packing-cube-set",
      name: "Foldwise Compression Packing Cube Set",
      brand: "Stowlark",
      description:
        "Four cubes in small, medium and large, plus a slim shoe bag, each with a second zipper that " +
        "compresses the contents by roughly a third. Mesh tops let you see what's inside without opening " +
        "them. The ripstop nylon adds barely any weight to a carry-on.",
      priceMinor: 4499,
      weightGrams: 480,
      stock: 290,
      popularity: 95,
      tags: ["packing cubes", "compression cubes", "luggage organizer", "travel organizer"],
    },
    {
      slug: "cableworks-tech-organizer-pouch",
      name: "Cableworks Tech Organizer Pouch",
      brand: "Stowlark",
      description:
        "A clamshell pouch with elastic loops, mesh pockets and a zippered sleeve for chargers, cables, " +
        "earbuds and a small power bank. It opens flat on a tray table and zips closed at 3 cm thick. The " +
        "water-repellent nylon shell has a grab handle on the side.",
      priceMinor: 3495,
      weightGrams: 260,
      stock: 150,
      popularity: 60,
      tags: ["tech organizer", "cable organizer", "electronics pouch", "charger bag"],
    },
    {
      slug: "drowse-memory-foam-travel-pillow",
      name: "Drowse Memory Foam Travel Pillow",
      brand: "Stowlark",
      description:
        "A memory foam neck pillow with a raised back and an adjustable toggle at the front, so your head " +
        "doesn't drop forward when you fall asleep sitting up. The velour cover zips off for washing. It " +
        "compresses into a small drawstring bag that clips to the outside of a backpack.",
      priceMinor: 3900,
      weightGrams: 380,
      stock: 130,
      popularity: 43,
      tags: ["travel pillow", "neck pillow", "memory foam", "airplane pillow"],
    },
    {
      slug: "heft-digital-luggage-scale",
      name: "Heft Digital Luggage Scale",
      brand: "Stowlark",
      description:
        "A handheld digital scale with a strap that loops through a suitcase handle, so you can check the " +
        "weight before you leave for the airport. It reads up to 50 kg in 10 g steps and holds the " +
        "reading after you set the bag down. It runs on a CR2032 battery, which is included.",
      priceMinor: 1999,
      weightGrams: 140,
      stock: 260,
      popularity: 11,
      tags: ["luggage scale", "digital scale", "baggage weight", "travel accessories"],
    },
  ],
};
