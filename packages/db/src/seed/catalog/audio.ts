import type { CategorySeed } from "./types.ts";

export const audio: CategorySeed = {
  slug: "audio",
  name: "Audio",
  description:
    "Headphones, speakers and hi-fi components for listening at home, at your desk and on the move.",
  products: [
    {
      slug: "halden-wireless-headphones",
      name: "Halden Wireless Headphones",
      brand: "Corvane",
      description:
        "Over-ear headphones with hybrid active noise cancelling that takes the rumble out of trains and " +
        "open-plan offices. Memory-foam cushions wrapped in protein leather sit around the ear rather " +
        "than on it, and the headband folds flat into the included hard case. A full charge lasts about " +
        "32 hours with noise cancelling on, and ten minutes on USB-C adds roughly four more.",
      priceMinor: 24900,
      weightGrams: 640,
      stock: 180,
      popularity: 96,
      tags: ["headphones", "over-ear", "noise cancelling", "bluetooth", "wireless"],
    },
    {
      slug: "pell-wireless-earbuds",
      name: "Pell Wireless Earbuds",
      brand: "Corvane",
      description:
        "Compact true wireless earbuds that weigh under five grams each and come with four sizes of " +
        "silicone tips plus a pair of foam tips. Each bud is IPX4 rated against sweat and light rain, " +
        "and the pebble-shaped case charges on any wireless charging pad. The touch controls can be " +
        "remapped in the companion app.",
      priceMinor: 14900,
      weightGrams: 180,
      stock: 240,
      popularity: 92,
      tags: ["earbuds", "earphones", "true wireless", "in-ear", "bluetooth"],
    },
    {
      slug: "marlo-closed-back-studio-headphones",
      name: "Marlo Closed-Back Studio Headphones",
      brand: "Corvane",
      description:
        "Wired closed-back headphones tuned flat for tracking and mixing, with 45 mm drivers and a " +
        "32-ohm impedance that a laptop or audio interface can drive without a separate amp. Both the " +
        "coiled and the straight cable detach with a twist-lock plug. Velour replacement pads are sold " +
        "separately if you prefer them to the stock leatherette.",
      priceMinor: 17900,
      weightGrams: 520,
      stock: 95,
      popularity: 38,
      tags: ["headphones", "studio headphones", "wired", "monitoring", "closed-back"],
    },
    {
      slug: "tarn-walnut-headphone-stand",
      name: "Tarn Walnut Headphone Stand",
      brand: "Corvane",
      description:
        "A solid walnut upright on a weighted steel base that keeps a full-size pair of headphones off " +
        "the desk. The curved cradle is lined with a strip of wool felt so it won't press a dent into " +
        "the headband. It is finished with natural oil, so the grain varies from stand to stand.",
      priceMinor: 5900,
      weightGrams: 1150,
      stock: 70,
      popularity: 22,
      tags: ["headphone stand", "headphone holder", "walnut", "desk accessory"],
    },
    {
      slug: "skerry-portable-speaker",
      name: "Skerry Portable Speaker",
      brand: "Ondessa",
      description:
        "A bottle-sized Bluetooth speaker with a passive radiator on each end, so it fills a campsite or " +
        "a kitchen without distorting at full volume. It is rated IP67, floats if it goes overboard and " +
        "runs about 18 hours between charges. Pair two for stereo with a long press on the link button.",
      priceMinor: 8999,
      weightGrams: 820,
      stock: 260,
      popularity: 90,
      tags: ["speaker", "bluetooth speaker", "portable speaker", "waterproof", "outdoor"],
    },
    {
      slug: "sill-powered-bookshelf-speakers",
      name: "Sill Powered Bookshelf Speakers",
      brand: "Ondessa",
      description:
        "A pair of powered bookshelf speakers with 5.25-inch woven woofers, silk-dome tweeters and a " +
        "60-watt-per-channel amplifier built into the left cabinet. Plug a turntable straight into the " +
        "switchable phono input, connect a TV over optical, or stream from your phone over Bluetooth. " +
        "The MDF cabinets are wrapped in real ash veneer and vent through rear bass ports.",
      priceMinor: 34900,
      weightGrams: 10400,
      stock: 48,
      popularity: 44,
      tags: ["speakers", "bookshelf speakers", "powered speakers", "stereo", "hifi"],
    },
    {
      slug: "ledge-compact-soundbar",
      name: "Ledge Compact Soundbar",
      brand: "Ondessa",
      description:
        "At 24 inches wide, this soundbar fits in front of a 40 to 55-inch TV without blocking the " +
        "bottom of the screen. Two center-facing drivers keep dialogue clear at low volume, and night " +
        "mode reins in explosions so the rest of the house can sleep. It connects over HDMI eARC, which " +
        "lets your TV remote control the volume.",
      priceMinor: 27900,
      weightGrams: 3600,
      stock: 85,
      popularity: 51,
      tags: ["soundbar", "tv speaker", "home theater", "hdmi"],
    },
    {
      slug: "cove-shower-speaker",
      name: "Cove Shower Speaker",
      brand: "Ondessa",
      description:
        "A palm-sized speaker with a suction cup that grips tile and glass, rated IPX7 so it survives " +
        "being dropped in the bath. It plays for around ten hours, enough for a week of showers between " +
        "charges. The silicone strap also hooks over a shower rail or a bike handlebar.",
      priceMinor: 3995,
      weightGrams: 290,
      stock: 150,
      popularity: 27,
      tags: ["shower speaker", "waterproof speaker", "bluetooth", "bathroom"],
    },
    {
      slug: "orrin-belt-drive-turntable",
      name: "Orrin Belt-Drive Turntable",
      brand: "Brisbeck",
      description:
        "A two-speed belt-drive turntable with a die-cast aluminum platter, an adjustable counterweight " +
        "and a pre-mounted moving-magnet cartridge. The built-in phono stage switches off when you " +
        "connect it to an amplifier that has its own. Three height-adjustable feet let you level the " +
        "plinth on an uneven shelf.",
      priceMinor: 39900,
      weightGrams: 7800,
      stock: 40,
      popularity: 47,
      tags: ["turntable", "record player", "vinyl", "belt drive"],
    },
    {
      slug: "keel-phono-preamp",
      name: "Keel Phono Preamp",
      brand: "Brisbeck",
      description:
        "A compact phono preamp that brings a moving-magnet or moving-coil cartridge up to line level " +
        "for any amplifier, powered speaker or soundbar. Gain and cartridge loading are set with " +
        "switches on the back panel. The steel enclosure and external power supply keep hum well below " +
        "the music.",
      priceMinor: 12900,
      weightGrams: 900,
      stock: 55,
      popularity: 14,
      tags: ["phono preamp", "phono stage", "turntable", "vinyl"],
    },
    {
      slug: "keel-50-stereo-amplifier",
      name: "Keel 50 Stereo Amplifier",
      brand: "Brisbeck",
      description:
        "An integrated stereo amplifier rated at 50 watts per channel into 8 ohms, with four line " +
        "inputs, a moving-magnet phono stage and a front-panel headphone jack. The volume knob is a " +
        "motorized potentiometer, so it turns on its own when you use the aluminum remote. The binding " +
        "posts take banana plugs or bare speaker wire up to 12 gauge.",
      priceMinor: 54900,
      weightGrams: 8200,
      stock: 9,
      popularity: 12,
      tags: ["amplifier", "stereo amplifier", "integrated amp", "hifi"],
    },
    {
      slug: "sweep-carbon-fiber-record-brush",
      name: "Sweep Carbon Fiber Record Brush",
      brand: "Brisbeck",
      description:
        "Thousands of conductive carbon fiber bristles lift dust out of the grooves and drain static " +
        "before you drop the needle. Hold it against the record for one slow turn of the platter before " +
        "each side. The walnut handle stores in a snap-shut case that keeps the bristles clean.",
      priceMinor: 2495,
      weightGrams: 90,
      stock: 300,
      popularity: 33,
      tags: ["record brush", "vinyl cleaning", "anti-static", "turntable"],
    },
    {
      slug: "cantor-usb-microphone",
      name: "Cantor USB Microphone",
      brand: "Halvorn",
      description:
        "A cardioid condenser microphone that connects to a computer over USB-C, with a 24-bit " +
        "converter, a zero-latency headphone jack and a gain dial on the body. Its pickup pattern favors " +
        "the voice in front of it and rejects keyboard clatter from the sides. The desk base unscrews so " +
        "the mic fits a standard boom arm.",
      priceMinor: 11900,
      weightGrams: 980,
      stock: 130,
      popularity: 63,
      tags: ["microphone", "usb microphone", "mic", "podcast", "streaming"],
    },
    {
      slug: "reach-microphone-boom-arm",
      name: "Reach Microphone Boom Arm",
      brand: "Halvorn",
      description:
        "A spring-balanced boom arm with cable channels inside the arms and a desk clamp that opens to " +
        "2.2 inches. It holds microphones from 0.7 to 3 lb without drooping, and the base swivels a full " +
        "360 degrees. Adapters for 3/8-inch and 5/8-inch threads are included.",
      priceMinor: 6900,
      weightGrams: 1650,
      stock: 110,
      popularity: 29,
      tags: ["boom arm", "microphone stand", "mic arm", "podcast"],
    },
    {
      slug: "tether-portable-headphone-dac",
      name: "Tether Portable Headphone DAC",
      brand: "Halvorn",
      description:
        "A thumb-sized digital-to-analog converter and headphone amplifier for phones that lack a " +
        "headphone jack and laptops with a noisy one. It decodes up to 32-bit/384 kHz and has both a 3.5 " +
        "mm output and a 4.4 mm balanced output. A short braided USB-C cable and a USB-A adapter come in " +
        "the box.",
      priceMinor: 9900,
      weightGrams: 120,
      stock: 75,
      popularity: 18,
      tags: ["dac", "headphone amp", "usb dac", "portable", "hi-res audio"],
    },
    {
      slug: "alder-tabletop-radio",
      name: "Alder Tabletop Radio",
      brand: "Halvorn",
      description:
        "A tabletop radio with FM and DAB+ tuners, Bluetooth input and a 3-inch full-range driver behind " +
        "a wool-blend grille. Ten station presets sit under brass-toned buttons, and the display dims " +
        "all the way off for use on a nightstand. The cabinet is solid alder with rounded corners.",
      priceMinor: 14900,
      weightGrams: 2300,
      stock: 12,
      popularity: 8,
      tags: ["radio", "fm radio", "dab radio", "bedside radio", "kitchen radio"],
    },
  ],
};
