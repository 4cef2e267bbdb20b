import type { CategorySeed } from "./types.ts";

export const gamesToys: CategorySeed = {
  slug: "games-toys",
  name: "Games & Toys",
  description:
    "Board games, jigsaw puzzles and well-made toys for game nights, rainy afternoons and curious kids.",
  products: [
    {
      slug: "harbormaster-strategy-board-game",
      name: "Harbormaster Strategy Board Game",
      brand: "Marrowby Games",
      description:
        "A game for 2 to 4 players about trading cargo and claiming docks around a growing harbor, built " +
        "from tiles so the board changes every session. Turns are quick, and most games wrap up in 60 to " +
        "75 minutes. The rulebook is short and well illustrated, so it's easy to teach to players aged 10 " +
        "and up.",
      priceMinor: 5499,
      weightGrams: 1900,
      stock: 120,
      popularity: 93,
      tags: ["board game", "strategy game", "family game", "tabletop", "2-4 players"],
    },
    {
      slug: "magpie-market-card-game",
      name: "Magpie Market Card Game",
      brand: "Marrowby Games",
      description:
        "A fast set-collection card game for 2 to 5 players where you swap shiny trinkets with the market " +
        "and try not to get stuck holding the cracked ones. A round takes about 20 minutes, and the tuck " +
        "box fits in a jacket pocket. It plays well with mixed ages from 8 up.",
      priceMinor: 1499,
      weightGrams: 250,
      stock: 260,
      popularity: 88,
      tags: ["card game", "family game", "travel game", "kids"],
    },
    {
      slug: "lighthouse-keepers-cooperative-board-game",
      name: "Lighthouse Keepers Cooperative Board Game",
      brand: "Marrowby Games",
      description:
        "Players work together to keep four lighthouses lit through a storm, passing supplies along the " +
        "coast before the weather deck runs out. Everyone wins or loses as a team, which makes it a good " +
        "pick for families with younger players. It plays 1 to 4 in about 45 minutes and includes a solo " +
        "mode.",
      priceMinor: 3995,
      weightGrams: 1500,
      stock: 70,
      popularity: 47,
      tags: ["cooperative game", "board game", "co-op", "family game", "solo"],
    },
    {
      slug: "inkwell-word-tile-game",
      name: "Inkwell Word Tile Game",
      brand: "Marrowby Games",
      description:
        "A crossword-style tile game with no board: each player builds a private grid and races to use " +
        "every letter first. The 120 tiles are heavy melamine with engraved letters that won't wear off. " +
        "It comes in a zippered cloth pouch that packs well for flights and camping trips.",
      priceMinor: 2499,
      weightGrams: 700,
      stock: 95,
      popularity: 34,
      tags: ["word game", "letter tiles", "spelling", "family game"],
    },
    {
      slug: "crooked-compass-party-game",
      name: "Crooked Compass Party Game",
      brand: "Marrowby Games",
      description:
        "A bluffing trivia game for 4 to 10 players where you score by spotting which answer on the table " +
        "is made up. There are 400 question cards covering history, science and odd facts, and each round " +
        "takes only a few minutes. It's best with a lively group of teens and adults.",
      priceMinor: 2200,
      weightGrams: 600,
      stock: 11,
      popularity: 15,
      tags: ["party game", "trivia", "bluffing", "group game"],
    },
    {
      slug: "night-market-1000-piece-jigsaw-puzzle",
      name: "Night Market 1000-Piece Jigsaw Puzzle",
      brand: "Quillon & Hart",
      description:
        "An illustrated night market scene with lantern-lit stalls, noodle stands and a cat asleep on a " +
        "crate of oranges. The pieces are cut from thick board with a linen finish that cuts glare under " +
        "a lamp. The finished puzzle measures 69 x 51 cm, and a full-size poster is included for " +
        "reference.",
      priceMinor: 2495,
      weightGrams: 800,
      stock: 180,
      popularity: 90,
      tags: ["jigsaw puzzle", "1000 pieces", "puzzle", "adults"],
    },
    {
      slug: "herbarium-500-piece-jigsaw-puzzle",
      name: "Herbarium 500-Piece Jigsaw Puzzle",
      brand: "Quillon & Hart",
      description:
        "A vintage-style botanical plate of 24 labeled wildflowers and herbs, printed on matte board in " +
        "soft, muted colors. With 500 larger pieces it makes a relaxing puzzle for one or two evenings. " +
        "The box has a magnetic lid and is sturdy enough to store the puzzle between sessions.",
      priceMinor: 1995,
      weightGrams: 600,
      stock: 140,
      popularity: 55,
      tags: ["jigsaw puzzle", "500 pieces", "botanical", "flowers"],
    },
    {
      slug: "cabinet-brain-teaser-puzzle-set",
      name: "Cabinet Brain Teaser Puzzle Set",
      brand: "Quillon & Hart",
      description:
        "Six interlocking wooden puzzles in beech and walnut, from a three-piece burr you'll solve over " +
        "coffee to a twelve-piece one that may take a weekend. Each one comes apart into loose pieces, so " +
        "half the challenge is putting it back together. A sealed envelope holds the solutions for when " +
        "you give up.",
      priceMinor: 3200,
      weightGrams: 700,
      stock: 60,
      popularity: 26,
      tags: ["brain teaser", "wooden puzzle", "burr puzzle", "logic puzzle", "desk toy"],
    },
    {
      slug: "twistline-3x3-speed-cube",
      name: "Twistline 3x3 Speed Cube",
      brand: "Quillon & Hart",
      description:
        "A stickerless 3x3 cube with adjustable tension and factory-lubricated pieces that turn smoothly " +
        "and forgive slightly misaligned turns. It's light enough for fast solving but stable enough for " +
        "beginners learning their first method. A stand and a small adjustment tool come in the " +
        "drawstring pouch.",
      priceMinor: 1299,
      weightGrams: 120,
      stock: 300,
      popularity: 62,
      tags: ["speed cube", "puzzle cube", "3x3", "magic cube"],
    },
    {
      slug: "meadow-wooden-rainbow-stacking-toy",
      name: "Meadow Wooden Rainbow Stacking Toy",
      brand: "Brambleknot",
      description:
        "Twelve nesting arches of solid basswood colored with water-based stains, so the grain shows " +
        "through. Toddlers stack them as a rainbow, and older kids turn them into tunnels, bridges and " +
        "cradles for small figures. The edges are sanded round, and the toy is tested to ASTM F963 for " +
        "ages 1 and up.",
      priceMinor: 4400,
      weightGrams: 1400,
      stock: 75,
      popularity: 58,
      tags: ["stacking toy", "wooden toy", "rainbow", "montessori", "toddler"],
    },
    {
      slug: "clover-hedgehog-plush-toy",
      name: "Clover Hedgehog Plush Toy",
      brand: "Brambleknot",
      description:
        "A 25 cm hedgehog in soft short-pile plush with a cream face and embroidered eyes, so there's " +
        "nothing to pull off. It keeps its shape after a gentle machine wash. Suitable from birth, and a " +
        "popular baby shower gift.",
      priceMinor: 2200,
      weightGrams: 300,
      stock: 220,
      popularity: 72,
      tags: ["plush", "stuffed animal", "soft toy", "hedgehog", "baby gift"],
    },
    {
      slug: "foxglove-junction-wooden-train-set",
      name: "Foxglove Junction Wooden Train Set",
      brand: "Brambleknot",
      description:
        "A 52-piece beech railway with a figure-eight layout, a drawbridge, a tunnel and a three-car " +
        "train joined by magnets. The track uses the standard peg-and-hole connector, so it fits most " +
        "wooden railways already in the toy box. Recommended for ages 3 and up because of the small pegs.",
      priceMinor: 7995,
      weightGrams: 3200,
      stock: 50,
      popularity: 45,
      tags: ["train set", "wooden railway", "toy train", "toddler", "track"],
    },
    {
      slug: "rowan-lane-wooden-dollhouse",
      name: "Rowan Lane Wooden Dollhouse",
      brand: "Brambleknot",
      description:
        "A three-story wooden dollhouse with an open back, a working staircase and 14 pieces of painted " +
        "furniture. It stands 71 cm tall and is scaled for small bendable dolls about 12 cm high. The " +
        "panels are birch plywood rather than MDF, and assembly takes about 40 minutes with the included " +
        "screwdriver.",
      priceMinor: 14900,
      weightGrams: 9500,
      stock: 7,
      popularity: 13,
      tags: ["dollhouse", "doll house", "wooden toy", "pretend play"],
    },
    {
      slug: "updraft-delta-kite",
      name: "Updraft Delta Kite",
      brand: "Sparkwhistle",
      description:
        "A 1.5 m delta kite in ripstop polyester with fiberglass spars, designed to lift off in light " +
        "winds from about 8 km/h. It comes with 50 m of line on a wooden winder and a long tail for " +
        "stability. The spars slip out, so it packs flat in a sleeve for the beach or the park.",
      priceMinor: 3499,
      weightGrams: 450,
      stock: 90,
      popularity: 19,
      tags: ["kite", "delta kite", "outdoor toy", "beach"],
    },
    {
      slug: "voltwise-circuit-building-kit",
      name: "Voltwise Circuit Building Kit",
      brand: "Sparkwhistle",
      description:
        "Forty click-together components, including a motor, a speaker, LEDs and a light sensor, that " +
        "build over 100 working circuits without soldering. The spiral-bound guide starts with a single " +
        "lamp and works up to a burglar alarm and a fan that launches a propeller. Designed for ages 8 " +
        "and up; it needs two AA batteries, which are not included.",
      priceMinor: 5999,
      weightGrams: 1600,
      stock: 80,
      popularity: 53,
      tags: ["stem kit", "electronics kit", "science kit", "circuits", "kids"],
    },
    {
      slug: "cascade-120-piece-marble-run",
      name: "Cascade 120-Piece Marble Run",
      brand: "Sparkwhistle",
      description:
        "A 120-piece marble run with clear tubes, spinners, a spiral funnel and a trapdoor that drops " +
        "marbles onto a lower track. The baseplates lock together, so tall towers don't wobble when a " +
        "marble rolls through. Twenty glass marbles are included, and it's recommended for ages 6 and up.",
      priceMinor: 4995,
      weightGrams: 2300,
      stock: 110,
      popularity: 64,
      tags: ["marble run", "building toy", "stem toy", "construction"],
    },
  ],
};
