import type { CategorySeed } from "./types.ts";

export const coffeeTea: CategorySeed = {
  slug: "coffee-tea",
  name: "Coffee & Tea",
  description:
    "Grinders, kettles, brewers and cups, plus freshly roasted coffee and loose-leaf tea to go in them.",
  products: [
    {
      slug: "corso-conical-burr-grinder",
      name: "Corso Conical Burr Grinder",
      brand: "Brevaro",
      description:
        "An electric coffee grinder with 40 mm steel conical burrs and 40 settings, from fine enough for " +
        "espresso to coarse enough for a French press. The low-speed motor keeps heat off the beans, and " +
        "a timer dial doses the same amount every morning. The upper burr lifts out without tools for " +
        "cleaning.",
      priceMinor: 18900,
      weightGrams: 3700,
      stock: 120,
      popularity: 91,
      tags: ["coffee grinder", "burr grinder", "grinder", "espresso grinder"],
    },
    {
      slug: "ferro-gooseneck-electric-kettle",
      name: "Ferro Gooseneck Electric Kettle",
      brand: "Brevaro",
      description:
        "A 30-ounce gooseneck kettle with a narrow spout for the slow, steady pour that pour-over coffee " +
        "needs. Set the temperature to the degree anywhere from 104°F to 212°F, and hold mode keeps the " +
        "water there for up to an hour. The handle is counterweighted so a full kettle doesn't strain " +
        "your wrist.",
      priceMinor: 9900,
      weightGrams: 1500,
      stock: 170,
      popularity: 94,
      tags: ["kettle", "electric kettle", "gooseneck kettle", "pour over", "tea kettle"],
    },
    {
      slug: "spira-ceramic-pour-over-dripper",
      name: "Spira Ceramic Pour-Over Dripper",
      brand: "Brevaro",
      description:
        "A cone-shaped porcelain dripper with spiral ribs on the inside wall that let air escape, so " +
        "water drains evenly through the grounds. It takes standard size 2 cone filters and brews one or " +
        "two cups at a time. Rinse it with hot water first, since porcelain holds heat once it is warm.",
      priceMinor: 3200,
      weightGrams: 420,
      stock: 140,
      popularity: 58,
      tags: ["pour over", "coffee dripper", "dripper", "filter coffee"],
    },
    {
      slug: "tempra-stainless-french-press",
      name: "Tempra Stainless French Press",
      brand: "Brevaro",
      description:
        "A double-walled stainless steel French press that keeps coffee hot for an hour and won't crack " +
        "if it gets knocked against the sink. The four-layer filter leaves less silt in the cup than a " +
        "single mesh screen. It brews 34 ounces, about four large mugs.",
      priceMinor: 5900,
      weightGrams: 980,
      stock: 110,
      popularity: 46,
      tags: ["french press", "coffee press", "cafetiere", "plunger coffee"],
    },
    {
      slug: "sumi-cast-iron-teapot",
      name: "Sumi Cast Iron Teapot",
      brand: "Tidewell",
      description:
        "A 24-ounce cast iron teapot with an enameled interior that won't rust or carry flavors from one " +
        "tea to the next. A removable stainless infuser basket sits in the opening with room for the " +
        "leaves to unfurl. Use it on a warmer or a trivet rather than directly on the stove.",
      priceMinor: 7400,
      weightGrams: 1900,
      stock: 50,
      popularity: 36,
      tags: ["teapot", "cast iron teapot", "tetsubin", "tea pot"],
    },
    {
      slug: "clearwater-glass-teapot",
      name: "Clearwater Glass Teapot",
      brand: "Tidewell",
      description:
        "A borosilicate glass teapot that lets you watch the leaves open and the color deepen, so you " +
        "know when to pour. The 34-ounce pot has a glass infuser you can lift out to stop the steep. It " +
        "can also sit on a gas or electric burner over low heat.",
      priceMinor: 4200,
      weightGrams: 900,
      stock: 95,
      popularity: 61,
      tags: ["teapot", "glass teapot", "tea maker", "infuser"],
    },
    {
      slug: "loch-stainless-tea-infuser",
      name: "Loch Stainless Tea Infuser",
      brand: "Tidewell",
      description:
        "A fine-mesh basket infuser that fits most mugs and teapots, with folding arms that rest on the " +
        "rim. The wide basket gives loose leaves room to expand in a way a tea ball can't. Its lid " +
        "doubles as a drip tray when you lift the basket out.",
      priceMinor: 1495,
      weightGrams: 60,
      stock: 280,
      popularity: 49,
      tags: ["tea infuser", "tea strainer", "loose leaf", "steeper"],
    },
    {
      slug: "kiyo-bamboo-matcha-whisk-set",
      name: "Kiyo Bamboo Matcha Whisk Set",
      brand: "Tidewell",
      description:
        "Everything for whisking matcha at home: a 100-prong bamboo whisk, a ceramic whisk holder, a " +
        "bamboo scoop and a glazed bowl with a pouring lip. The bowl is wide enough to whisk in a quick " +
        "zigzag until the tea turns frothy. Soak the whisk in warm water for a minute before use to " +
        "soften the prongs.",
      priceMinor: 3400,
      weightGrams: 820,
      stock: 65,
      popularity: 27,
      tags: ["matcha whisk", "matcha set", "chasen", "matcha bowl"],
    },
    {
      slug: "harbor-stoneware-mug",
      name: "Harbor Stoneware Mug",
      brand: "Kilnworth",
      description:
        "A 12-ounce stoneware mug finished in a reactive glaze that pools darker at the rim, so no two " +
        "come out of the kiln exactly alike. The handle fits three fingers, and the foot is left " +
        "unglazed for grip. It is dishwasher and microwave safe.",
      priceMinor: 2600,
      weightGrams: 520,
      stock: 240,
      popularity: 78,
      tags: ["mug", "coffee mug", "stoneware", "ceramic mug"],
    },
    {
      slug: "haze-double-wall-glass-cups",
      name: "Haze Double-Wall Glass Cups",
      brand: "Kilnworth",
      description:
        "A set of two 8-ounce double-wall glass cups that keep drinks hot while the outside stays cool " +
        "enough to hold. The air gap between the walls makes a latte look like it is floating. Wash them " +
        "by hand, since the borosilicate walls are thin.",
      priceMinor: 2800,
      weightGrams: 600,
      stock: 130,
      popularity: 42,
      tags: ["glass cups", "double wall glass", "coffee glasses", "latte glass"],
    },
    {
      slug: "transit-insulated-travel-mug",
      name: "Transit Insulated Travel Mug",
      brand: "Kilnworth",
      description:
        "A 16-ounce vacuum-insulated travel mug with a ceramic-coated interior, so coffee tastes like " +
        "coffee instead of steel. The slide lid locks shut and seals well enough to toss the mug in a " +
        "bag. It fits car cup holders and under most single-serve brewers.",
      priceMinor: 3495,
      weightGrams: 420,
      stock: 200,
      popularity: 71,
      tags: ["travel mug", "insulated mug", "tumbler", "coffee to go"],
    },
    {
      slug: "demi-porcelain-espresso-cups",
      name: "Demi Porcelain Espresso Cups",
      brand: "Kilnworth",
      description:
        "Four 3-ounce espresso cups with matching saucers, in thick-walled porcelain that stays warm " +
        "through a slow sip. Each cup narrows toward the base to keep the crema intact. They stack " +
        "neatly on top of an espresso machine to warm up.",
      priceMinor: 3600,
      weightGrams: 1200,
      stock: 14,
      popularity: 17,
      tags: ["espresso cups", "demitasse", "espresso", "porcelain cups"],
    },
    {
      slug: "lamplight-espresso-blend-coffee-beans",
      name: "Lamplight Espresso Blend Coffee Beans",
      brand: "Ambercroft",
      description:
        "A medium-dark blend of Brazilian and Colombian beans with notes of cocoa, toasted hazelnut and " +
        "brown sugar. It pulls a thick, sweet shot of espresso and holds its own under milk. Each " +
        "12-ounce bag is roasted to order and ships within two days.",
      priceMinor: 1895,
      weightGrams: 380,
      stock: 290,
      popularity: 98,
      tags: ["coffee beans", "espresso", "whole bean coffee", "coffee"],
    },
    {
      slug: "gedeo-yirgacheffe-coffee-beans",
      name: "Gedeo Yirgacheffe Coffee Beans",
      brand: "Ambercroft",
      description:
        "A washed single-origin coffee from smallholder farms in the Gedeo zone of Ethiopia, roasted " +
        "light to keep its jasmine and lemon-peel notes. It is at its best as pour-over or cold brew. " +
        "The roast date is printed on every 12-ounce bag.",
      priceMinor: 2100,
      weightGrams: 380,
      stock: 160,
      popularity: 53,
      tags: ["coffee beans", "single origin", "ethiopian coffee", "light roast"],
    },
    {
      slug: "morning-room-earl-grey-tea",
      name: "Morning Room Earl Grey Tea",
      brand: "Ambercroft",
      description:
        "A loose-leaf black tea from Assam and Ceylon, scented with cold-pressed bergamot oil and a " +
        "scattering of cornflower petals. It is brisk enough to take milk and still fragrant without it. " +
        "The 4-ounce tin makes about 50 cups.",
      priceMinor: 1400,
      weightGrams: 210,
      stock: 180,
      popularity: 39,
      tags: ["earl grey", "black tea", "loose leaf tea", "tea"],
    },
    {
      slug: "kagoshima-sencha-green-tea",
      name: "Kagoshima Sencha Green Tea",
      brand: "Ambercroft",
      description:
        "A deep-steamed sencha from southern Japan with a grassy, slightly sweet flavor and a vivid " +
        "green cup. Brew it at about 170°F for one minute, because boiling water brings out the " +
        "bitterness. The 3-ounce pouch reseals and should be kept out of the light.",
      priceMinor: 1600,
      weightGrams: 150,
      stock: 12,
      popularity: 11,
      tags: ["green tea", "sencha", "japanese tea", "loose leaf tea"],
    },
  ],
};
