// Draws one flat-style illustration per catalog product into packages/db/assets/products/<slug>.svg
// (`npm run images` in packages/db, or `node packages/db/scripts/generate-product-images.ts` from the root).
// A picture is a pure function of its product: the motif comes from the noun in the name (then the tags,
// then the category), the colours and small variations (tilt, mirroring, an accent detail) from a hash of
// the slug, so reruns are byte-identical.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ProductSeed } from "../src/seed/catalog/types.ts";

/** Every picture stays below this many bytes; the generator fails rather than write a bigger one. */
export const MAX_SVG_BYTES = 4096;

interface Palette {
  bg: string;
  disc: string;
  /** Main accent with a darker shade and a light tint. */
  a: string;
  a2: string;
  al: string;
  /** Second accent. */
  b: string;
  b2: string;
  bl: string;
  /** Third accent, used where a picture needs one more colour (blocks, puzzle pieces). */
  c: string;
  c2: string;
  cl: string;
  /** Ink, metal, metal shade, near-white, warm light, wood, wood shade, leaf. */
  d: string;
  s: string;
  s2: string;
  l: string;
  w: string;
  wd: string;
  wd2: string;
  g: string;
}

interface Motif {
  /** Whole words (a trailing "s"/"es" also matches) looked for in the product's name, then its tags. */
  words: string[];
  draw: (p: Palette, v: number) => string;
  /** Floor shadow: centre x, y and half-width. */
  shadow: [number, number, number];
  /** Largest tilt in degrees; 0 for things standing on the floor. */
  tilt: number;
  /** Whether the picture may be mirrored (asymmetric objects). */
  flip: boolean;
}

// --- colour ----------------------------------------------------------------------------------------

function hsl(h: number, s: number, l: number): string {
  const hue = ((h % 360) + 360) % 360;
  const sat = s / 100;
  const lig = l / 100;
  const k = (n: number): number => (n + hue / 30) % 12;
  const a = sat * Math.min(lig, 1 - lig);
  const f = (n: number): string => {
    const value = lig - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/**
 * Main-accent hues. Picked from a list rather than the whole wheel, which is mostly green: uniform hues
 * would put a third of the shop in greens and yellow-greens.
 */
const HUES = [2, 14, 26, 38, 48, 100, 142, 168, 186, 200, 214, 226, 240, 256, 272, 290, 310, 330, 346];

/** The entry `n` selects, wrapping around. */
function pick(list: readonly number[], n: number): number {
  return list[n % list.length] ?? 0;
}

function palette(hash: Buffer): Palette {
  const h = pick(HUES, hash.readUInt16BE(0)) + (hash.readUInt8(12) % 11) - 5;
  // Second accent roughly opposite the first, third a side step, background tinted by either.
  const hb = h + pick([150, 180, 205, 125], hash.readUInt8(2));
  const hc = h + pick([60, -60, 95, -95], hash.readUInt8(3));
  const hbg = h + pick([0, 25, -25, 180, 200, 160], hash.readUInt8(4));
  // Greens and yellow-greens turn garish at the saturation that suits reds and blues.
  const sa = 52 + (hash.readUInt8(5) % 16) - (h >= 55 && h <= 170 ? 12 : 0);
  const la = 52 + (hash.readUInt8(6) % 8);
  return {
    bg: hsl(hbg, 46, 93),
    disc: hsl(hbg, 38, 87),
    a: hsl(h, sa, la),
    a2: hsl(h, sa, la - 14),
    al: hsl(h, sa + 10, la + 24),
    b: hsl(hb, 66, 62),
    b2: hsl(hb, 52, 47),
    bl: hsl(hb, 70, 82),
    c: hsl(hc, 60, 60),
    c2: hsl(hc, 48, 45),
    cl: hsl(hc, 66, 80),
    d: hsl(h, 18, 22),
    s: hsl(h, 10, 76),
    s2: hsl(h, 8, 60),
    l: hsl(h, 40, 97),
    w: "#ffe7a3",
    wd: hsl(28 + (hash.readUInt8(7) % 10), 48, 58),
    wd2: hsl(24 + (hash.readUInt8(7) % 10), 44, 42),
    g: hsl(115 + (hash.readUInt8(8) % 40), 38, 44),
  };
}

// --- SVG primitives (integers only, so output never depends on float formatting) -------------------

const op = (o: number): string => ` opacity="${o}"`;
const rot = (deg: number, x: number, y: number): string => ` transform="rotate(${deg} ${x} ${y})"`;

function rect(x: number, y: number, w: number, h: number, rx: number, fill: string, extra = ""): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}"${rx ? ` rx="${rx}"` : ""} fill="${fill}"${extra}/>`;
}

function circle(cx: number, cy: number, r: number, fill: string, extra = ""): string {
  return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"${extra}/>`;
}

function ellipse(cx: number, cy: number, rx: number, ry: number, fill: string, extra = ""): string {
  return `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}"${extra}/>`;
}

function path(d: string, fill: string, extra = ""): string {
  return `<path d="${d}" fill="${fill}"${extra}/>`;
}

/** A round-capped open stroke. */
function line(d: string, stroke: string, width: number, extra = ""): string {
  return `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
}

/** A dashed butt-capped stroke: a thick dashed line draws a row of bars (keys, ribs, grilles). */
function dashes(d: string, stroke: string, width: number, pattern: string, extra = ""): string {
  return `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-dasharray="${pattern}"${extra}/>`;
}

/**
 * An isometric box: (x, y) is the back corner of its top face, `a` runs right-down, `b` left-down and `h` is
 * its height. Light top, mid front-left face, dark front-right face.
 */
function isoBox(
  x: number,
  y: number,
  a: number,
  b: number,
  h: number,
  top: string,
  left: string,
  right: string,
): string {
  const ax = Math.round(a * 0.866);
  const ay = Math.round(a / 2);
  const bx = Math.round(b * 0.866);
  const by = Math.round(b / 2);
  return (
    path(`M${x} ${y}l${ax} ${ay}-${bx} ${by}-${ax}-${ay}z`, top) +
    path(`M${x - bx} ${y + by}l${ax} ${ay}v${h}l-${ax}-${ay}z`, left) +
    path(`M${x - bx + ax} ${y + by + ay}l${bx}-${by}v${h}l-${bx} ${by}z`, right)
  );
}

/** A jigsaw piece, top-left corner at (x, y); edges clockwise from the top: 1 tab, -1 hole, 0 flat. */
function puzzlePiece(x: number, y: number, s: number, edges: number[], fill: string, extra = ""): string {
  const xs = [x, x + s, x + s, x];
  const ys = [y, y, y + s, y + s];
  const r = Math.round(s * 0.17);
  let d = `M${x} ${y}`;
  for (let i = 0; i < 4; i += 1) {
    const [x0, y0, x1, y1] = [pick(xs, i), pick(ys, i), pick(xs, i + 1), pick(ys, i + 1)];
    const edge = edges[i] ?? 0;
    if (edge !== 0) {
      const ax = Math.round(x0 + (x1 - x0) * 0.35);
      const ay = Math.round(y0 + (y1 - y0) * 0.35);
      const bx = Math.round(x0 + (x1 - x0) * 0.65);
      const by = Math.round(y0 + (y1 - y0) * 0.65);
      d += `L${ax} ${ay}A${r} ${r} 0 1 ${edge > 0 ? 1 : 0} ${bx} ${by}`;
    }
    d += i === 3 ? "z" : `L${x1} ${y1}`;
  }
  return path(d, fill, extra);
}

// --- motifs ----------------------------------------------------------------------------------------
// Each draws into an 800x800 canvas, roughly inside x 140..660, y 140..640, resting on a floor near y 620.
// `v` (0, 1 or 2) picks a small per-product variation: an accent stripe, a different detail colour.

const COFFEE = "#6b4226";

function monitorArt(p: Palette, v: number): string {
  return (
    rect(375, 486, 50, 104, 0, p.s2) +
    rect(290, 584, 220, 26, 12, p.s) +
    rect(140, 160, 520, 330, 18, p.d) +
    rect(160, 180, 480, 282, 6, p.a) +
    rect(196, 218, 168, 120, 10, p.l, op(0.7)) +
    rect(390, 218, 214, 46, 10, v === 0 ? p.b : p.w) +
    rect(390, 286, 160, 22, 8, p.l, op(0.5)) +
    rect(196, 362, 408, 22, 8, p.l, op(0.35)) +
    path("M160 180h220L250 462h-90z", p.l, op(0.12))
  );
}

function espressoCup(x: number, y: number, cup: string, saucer: string): string {
  return (
    ellipse(x, y + 92, 120, 24, saucer) +
    line(`M${x + 66} ${y + 16}c56 0 56 56 0 56`, cup, 16) +
    path(`M${x - 74} ${y}h148q0 96-74 96t-74-96z`, cup) +
    ellipse(x, y, 74, 14, COFFEE) +
    ellipse(x - 14, y - 2, 28, 5, "#c8915a", op(0.7))
  );
}

/** Rows of short bars filling a circle (perforations, grilles). */
function rows(
  cx: number,
  cy: number,
  r: number,
  step: number,
  color: string,
  width: number,
  extra = "",
): string {
  let d = "";
  for (let dy = -r + step; dy < r; dy += step) {
    const half = Math.round(Math.sqrt(r * r - dy * dy)) - 10;
    if (half > 10) d += `M${cx - half} ${cy + dy}H${cx + half}`;
  }
  return dashes(d, color, width, `${width} ${width + 6}`, extra);
}

const MOTIFS = {
  // audio
  headphones: {
    words: ["headphone", "headset", "over-ear", "on-ear", "cans"],
    shadow: [400, 612, 200],
    tilt: 5,
    flip: false,
    draw: (p, v) =>
      line("M238 400V340a162 162 0 0 1 324 0V400", p.a2, 30) +
      line("M238 340a162 162 0 0 1 324 0", p.d, 10, op(0.25)) +
      rect(196, 380, 84, 196, 40, p.a) +
      rect(266, 402, 40, 152, 18, p.d) +
      rect(520, 380, 84, 196, 40, p.a) +
      rect(494, 402, 40, 152, 18, p.d) +
      (v === 0
        ? circle(238, 478, 20, p.b) + circle(562, 478, 20, p.b)
        : rect(196, 460, 84, 20, 0, p.b) + rect(520, 460, 84, 20, 0, p.b)),
  },
  headphoneStand: {
    words: ["headphone stand", "headphone holder", "headphone hanger"],
    shadow: [400, 630, 170],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(296, 596, 208, 30, 15, p.wd2) +
      rect(386, 240, 28, 362, 10, p.wd) +
      rect(336, 226, 128, 30, 15, p.wd) +
      line("M268 470V350a132 132 0 0 1 264 0V470", p.a2, 26) +
      rect(226, 430, 80, 168, 38, p.a) +
      rect(298, 450, 34, 128, 16, p.d) +
      rect(494, 430, 80, 168, 38, p.a) +
      rect(468, 450, 34, 128, 16, p.d) +
      (v === 1 ? "" : circle(266, 514, 16, p.b) + circle(534, 514, 16, p.b)),
  },
  earbuds: {
    words: ["earbud", "earphone", "in-ear", "buds", "iem"],
    shadow: [400, 608, 150],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      rect(285, 390, 230, 200, 90, p.a) +
      line("M292 462H508", p.a2, 6) +
      circle(400, 540, 8, v === 0 ? p.l : p.w) +
      rect(296, 250, 38, 130, 19, p.b, rot(-14, 315, 250)) +
      rect(466, 250, 38, 130, 19, p.b, rot(14, 485, 250)) +
      circle(322, 250, 50, p.b) +
      circle(478, 250, 50, p.b) +
      circle(350, 262, 22, p.b2) +
      circle(450, 262, 22, p.b2),
  },
  speaker: {
    words: ["speaker", "subwoofer", "boombox"],
    shadow: [400, 636, 170],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(300, 612, 40, 18, 4, p.d) +
      rect(460, 612, 40, 18, 4, p.d) +
      rect(270, 170, 260, 450, 36, p.a) +
      (v === 2 ? rect(270, 378, 260, 14, 0, p.b) : "") +
      circle(400, 284, 54, p.d) +
      circle(400, 284, 24, p.s2) +
      circle(400, 488, 104, p.d) +
      circle(400, 488, 70, v === 1 ? p.b2 : p.a2) +
      circle(400, 488, 26, p.d) +
      circle(488, 206, 8, p.b),
  },
  soundbar: {
    words: ["soundbar", "sound bar"],
    shadow: [400, 528, 300],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line(
        "M336 343A100 100 0 0 1 464 343M297 297A160 160 0 0 1 503 297M259 251A220 220 0 0 1 541 251",
        v === 1 ? p.a : p.b,
        10,
        op(0.8),
      ) +
      rect(110, 400, 580, 100, 46, p.d) +
      dashes("M160 446H640", p.s2, 54, "4 8", op(0.45)) +
      rect(110, 400, 580, 20, 0, p.a, ' rx="10"') +
      circle(400, 480, 6, p.w),
  },
  radio: {
    words: ["radio"],
    shadow: [400, 612, 250],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M580 290L660 150", p.s2, 6) +
      circle(660, 150, 9, p.s2) +
      line("M300 290V240H500V290", p.d, 14) +
      rect(220, 584, 40, 20, 4, p.d) +
      rect(540, 584, 40, 20, 4, p.d) +
      rect(180, 280, 440, 310, 40, v === 1 ? p.wd : p.a) +
      rect(214, 320, 232, 230, 24, p.a2) +
      dashes("M330 340V532", p.l, 200, "6 12", op(0.35)) +
      circle(532, 384, 50, p.l) +
      line("M532 384L556 352", p.d, 6) +
      circle(500, 500, 22, p.d) +
      circle(566, 500, 22, p.d) +
      rect(476, 440, 112, 8, 4, v === 1 ? p.a : p.b),
  },
  amplifier: {
    words: ["amplifier", "amp", "dac", "receiver", "preamp", "phono stage"],
    shadow: [400, 590, 270],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(180, 560, 40, 22, 4, p.d) +
      rect(580, 560, 40, 22, 4, p.d) +
      rect(150, 330, 500, 236, 22, p.a) +
      rect(150, 330, 500, 40, 0, p.a2, ' rx="22"') +
      rect(190, 400, 170, 100, 12, p.d) +
      path("M210 484Q275 420 340 484", "none", ` stroke="${p.w}" stroke-width="4"`) +
      line("M275 484L318 428", p.b, 5) +
      circle(450, 450, 46, p.s) +
      circle(450, 450, 30, p.s2) +
      line("M450 450L450 424", p.d, 8) +
      circle(575, 450, 30, p.s) +
      line("M575 450L590 430", p.d, 7) +
      circle(200, 530, 7, v === 0 ? p.b : p.w),
  },
  turntable: {
    words: ["turntable", "record player"],
    shadow: [400, 622, 250],
    tilt: 4,
    flip: true,
    draw: (p) =>
      rect(170, 250, 460, 356, 28, p.a2) +
      rect(170, 240, 460, 336, 28, p.a) +
      circle(360, 408, 142, p.d) +
      circle(360, 408, 114, "none", ` stroke="${p.l}" stroke-width="3"${op(0.15)}`) +
      circle(360, 408, 86, "none", ` stroke="${p.l}" stroke-width="3"${op(0.15)}`) +
      circle(360, 408, 44, p.b) +
      circle(360, 408, 6, p.s) +
      circle(548, 292, 28, p.s2) +
      circle(548, 292, 12, p.d) +
      line("M548 292V440L478 490", p.s, 10) +
      rect(456, 476, 34, 24, 5, p.d, rot(-35, 473, 488)) +
      circle(580, 530, 14, p.l) +
      circle(530, 530, 9, p.b),
  },
  record: {
    words: ["record", "vinyl", "record brush", "lp"],
    shadow: [420, 618, 240],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      rect(160, 210, 330, 330, 10, p.a) +
      rect(190, 240, 120, 120, 60, p.al, op(0.6)) +
      circle(480, 400, 170, p.d) +
      circle(480, 400, 138, "none", ` stroke="${p.l}" stroke-width="3"${op(0.15)}`) +
      circle(480, 400, 104, "none", ` stroke="${p.l}" stroke-width="3"${op(0.15)}`) +
      circle(480, 400, 54, v === 1 ? p.c : p.b) +
      circle(480, 400, 7, p.s) +
      `<g${rot(-18, 470, 560)}>` +
      rect(350, 540, 250, 30, 6, p.d) +
      dashes("M356 584H594", p.s2, 26, "3 3") +
      rect(350, 480, 250, 66, 26, p.wd) +
      "</g>",
  },
  microphone: {
    words: ["microphone", "mic", "podcast"],
    shadow: [400, 618, 130],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M318 330V420a82 82 0 0 0 164 0V330", p.d, 14) +
      rect(391, 500, 18, 100, 0, p.d) +
      ellipse(400, 604, 110, 20, p.d) +
      rect(335, 150, 130, 230, 65, p.s) +
      dashes("M400 196V336", p.d, 112, "5 12", op(0.22)) +
      rect(328, 330, 144, 34, 8, v === 1 ? p.b : p.a) +
      rect(350, 364, 100, 92, 20, p.a2) +
      circle(400, 410, 7, p.w),
  },
  boomArm: {
    words: ["boom arm", "mic arm", "microphone arm"],
    shadow: [300, 636, 200],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(130, 560, 330, 40, 6, p.wd) +
      rect(196, 530, 56, 110, 8, p.d) +
      rect(214, 440, 20, 100, 0, p.d) +
      line("M224 450L360 230", p.a2, 14) +
      line("M244 470L380 250", p.d, 5) +
      circle(370, 240, 20, p.d) +
      line("M370 240L560 300", p.a2, 14) +
      line("M378 262L556 318", p.d, 5) +
      circle(560, 300, 16, p.d) +
      line("M560 300V340", p.d, 10) +
      ellipse(560, 410, 62, 26, "none", ` stroke="${p.d}" stroke-width="8"`) +
      rect(518, 330, 84, 200, 42, p.s) +
      dashes("M560 364V470", p.d, 70, "5 11", op(0.22)) +
      rect(514, 470, 92, 24, 6, v === 1 ? p.b : p.a),
  },
  // home office
  lamp: {
    words: ["lamp", "task light", "lighting", "sconce", "nightlight", "desk light"],
    shadow: [340, 628, 130],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      path("M457 434L610 305L660 600H510Z", p.w, op(0.35)) +
      rect(250, 588, 172, 36, 18, p.d) +
      line("M336 592L280 410", p.a, 22) +
      circle(280, 410, 20, p.a2) +
      line("M280 410L450 270", p.a, 22) +
      `<g${rot(-40, 450, 270)}>` +
      path("M424 246h52l74 154H350z", v === 1 ? p.b : p.a2) +
      ellipse(450, 400, 70, 14, p.w) +
      "</g>" +
      circle(450, 270, 20, p.d),
  },
  floorLamp: {
    words: ["floor lamp", "standing lamp", "arc lamp", "torchiere"],
    shadow: [400, 628, 140],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      path("M300 300H500L560 560H240Z", p.w, op(0.3)) +
      ellipse(400, 614, 100, 18, p.d) +
      rect(392, 250, 16, 366, 0, v === 1 ? p.s2 : "#c9a45c") +
      ellipse(400, 300, 100, 14, p.w) +
      path("M316 150H484L516 300H284Z", p.a) +
      rect(284, 288, 232, 14, 0, v === 0 ? p.b : p.a2) +
      line("M408 420h20", p.d, 8),
  },
  chair: {
    words: ["chair", "stool", "seat", "office chair"],
    shadow: [400, 632, 190],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(388, 476, 24, 94, 0, p.s2) +
      line("M400 566L270 604M400 566L530 604M400 566V612", p.d, 16) +
      circle(270, 612, 16, p.d) +
      circle(530, 612, 16, p.d) +
      circle(400, 620, 16, p.d) +
      rect(390, 360, 20, 70, 0, p.d) +
      rect(305, 140, 190, 240, 50, p.a) +
      rect(333, 170, 134, 180, 34, p.al, op(0.35)) +
      line("M282 446V396H330M518 446V396H470", p.d, 14) +
      rect(265, 420, 270, 58, 29, p.a2) +
      (v === 0 ? rect(305, 250, 190, 16, 0, p.b) : ""),
  },
  desk: {
    words: ["desk", "standing desk", "workstation", "writing table"],
    shadow: [400, 630, 270],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      ellipse(538, 232, 18, 44, p.g, rot(-22, 538, 232)) +
      ellipse(572, 228, 18, 46, p.g, rot(24, 572, 228)) +
      ellipse(555, 214, 16, 50, p.g) +
      path("M524 262H586L578 330H532Z", p.b) +
      rect(232, 206, 176, 112, 10, p.d) +
      rect(244, 218, 152, 88, 4, v === 1 ? p.bl : p.al) +
      rect(310, 318, 20, 14, 0, p.s2) +
      rect(280, 328, 80, 6, 3, p.s2) +
      rect(180, 356, 22, 266, 0, p.d) +
      rect(598, 356, 22, 266, 0, p.d) +
      rect(156, 600, 70, 20, 6, p.d) +
      rect(574, 600, 70, 20, 6, p.d) +
      rect(176, 440, 30, 60, 4, p.s2) +
      rect(594, 440, 30, 60, 4, p.s2) +
      rect(150, 330, 500, 32, 8, p.a) +
      rect(450, 362, 110, 40, 6, p.d, op(0.7)) +
      circle(470, 382, 6, p.w),
  },
  cabinet: {
    words: ["filing cabinet", "file cabinet", "cabinet", "drawer", "pedestal", "drawers"],
    shadow: [400, 632, 170],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      circle(290, 616, 12, p.d) +
      circle(510, 616, 12, p.d) +
      rect(260, 160, 280, 452, 14, p.a2) +
      rect(276, 176, 248, 130, 8, p.a) +
      rect(276, 320, 248, 130, 8, p.a) +
      rect(276, 464, 248, 130, 8, p.a) +
      rect(360, 250, 80, 14, 7, p.s) +
      rect(360, 394, 80, 14, 7, p.s) +
      rect(360, 538, 80, 14, 7, p.s) +
      rect(376, 200, 48, 26, 4, v === 1 ? p.b : p.l) +
      rect(376, 344, 48, 26, 4, p.l) +
      rect(376, 488, 48, 26, 4, p.l),
  },
  keyboard: {
    words: ["keyboard", "keycap", "keeb"],
    shadow: [400, 566, 270],
    tilt: 5,
    flip: false,
    draw: (p, v) =>
      rect(120, 300, 560, 236, 28, v === 0 ? p.a2 : p.d) +
      dashes("M158 345H641", p.l, 32, "32 9") +
      dashes("M170 390H641", p.l, 32, "32 9") +
      dashes("M182 435H641", p.l, 32, "32 9") +
      dashes("M158 480H281M520 480H641", p.l, 32, "32 9") +
      rect(296, 464, 210, 32, 6, p.l) +
      rect(158, 329, 32, 32, 0, p.b) +
      rect(609, 374, 32, 77, 0, p.b),
  },
  deskMat: {
    words: ["desk mat", "desk pad", "mouse pad", "mousepad", "desk blotter"],
    shadow: [400, 600, 280],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      rect(130, 270, 540, 290, 30, p.a) +
      rect(
        146,
        286,
        508,
        258,
        20,
        "none",
        ` stroke="${p.l}" stroke-width="4" stroke-dasharray="12 8"${op(0.5)}`,
      ) +
      rect(180, 340, 300, 140, 16, p.d) +
      dashes("M198 376H462", p.l, 22, "22 5") +
      dashes("M198 408H462", p.l, 22, "22 5") +
      dashes("M198 440H462", p.l, 22, "22 5") +
      rect(530, 340, 84, 130, 42, v === 1 ? p.b : p.l) +
      line("M572 348V392", p.d, 4, op(0.4)),
  },
  cableTray: {
    words: ["cable tray", "cable management", "cable basket", "cable organizer"],
    shadow: [400, 634, 250],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(130, 190, 540, 40, 8, p.wd) +
      line("M240 230V300M560 230V300", p.d, 12) +
      line("M470 330C480 460 380 470 380 620M520 330C540 500 600 520 610 624", p.d, 10) +
      rect(590, 610, 40, 24, 6, p.d) +
      path("M200 290H600L570 400H230Z", p.s2) +
      dashes("M236 345H566", p.s, 86, "6 12") +
      rect(280, 300, 200, 36, 8, v === 1 ? p.b : p.a) +
      dashes("M296 318H462", p.d, 10, "10 18") +
      path("M200 290H600L590 310H210Z", p.d, op(0.4)),
  },
  footrest: {
    words: ["footrest", "foot rest", "foot stool", "footstool"],
    shadow: [400, 600, 230],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M250 500V548M450 500V548", p.d, 14) +
      line("M200 540Q350 610 500 540", p.d, 20) +
      path("M190 470L300 300H620L510 470Z", v === 1 ? p.b : p.a) +
      path("M190 470H510V500H190Z", v === 1 ? p.b2 : p.a2) +
      path("M510 470L620 300V330L510 500Z", p.d, op(0.45)) +
      line("M237 436H507M259 402H529M281 368H551M303 334H573", p.l, 12, ' stroke-dasharray="0 27"' + op(0.5)),
  },
  mouse: {
    words: ["mouse", "trackball"],
    shadow: [400, 628, 140],
    tilt: 10,
    flip: true,
    draw: (p, v) =>
      line("M400 230C400 160 470 170 500 130", p.d, 8) +
      rect(290, 220, 220, 390, 110, p.a) +
      path("M290 330A110 110 0 0 1 400 220V330Z", v === 1 ? p.b : p.a2) +
      line("M400 236V330", p.d, 4, op(0.4)) +
      rect(388, 258, 24, 48, 12, p.d),
  },
  monitor: {
    words: ["monitor", "display", "screen"],
    shadow: [400, 622, 210],
    tilt: 0,
    flip: false,
    draw: (p, v) => monitorArt(p, v) + circle(400, 476, 5, p.s2),
  },
  lightBar: {
    words: ["light bar", "monitor light", "screenbar", "monitor lamp"],
    shadow: [400, 622, 210],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      monitorArt(p, v) +
      path("M240 156H560L650 420H150Z", p.w, op(0.3)) +
      rect(380, 150, 40, 46, 8, p.d) +
      rect(210, 122, 380, 34, 17, v === 1 ? p.s2 : p.d) +
      rect(230, 148, 340, 8, 4, p.w),
  },
  monitorStand: {
    words: ["monitor stand", "monitor riser", "riser", "desk shelf"],
    shadow: [400, 628, 250],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(380, 412, 40, 40, 0, p.s2) +
      rect(320, 446, 160, 16, 8, p.s) +
      rect(210, 180, 380, 236, 14, p.d) +
      rect(224, 194, 352, 196, 4, p.a) +
      rect(246, 214, 124, 90, 8, p.l, op(0.7)) +
      rect(384, 214, 170, 34, 8, v === 0 ? p.b : p.w) +
      rect(160, 462, 480, 36, 10, p.wd) +
      rect(182, 498, 34, 124, 4, p.wd2) +
      rect(584, 498, 34, 124, 4, p.wd2) +
      rect(256, 570, 288, 40, 8, p.l) +
      dashes("M270 590H530", p.s2, 20, "20 4"),
  },
  laptopStand: {
    words: ["laptop stand", "laptop riser", "laptop", "notebook stand"],
    shadow: [400, 628, 220],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M270 430L320 610H480L530 430", p.s2, 18) +
      line("M320 610L300 430M480 610L500 430", p.s2, 10, op(0.7)) +
      rect(230, 150, 340, 230, 14, p.d) +
      rect(244, 164, 312, 196, 4, p.a) +
      rect(266, 186, 120, 80, 8, p.l, op(0.7)) +
      rect(404, 186, 130, 30, 8, v === 0 ? p.b : p.w) +
      path("M230 380H570L610 440H190Z", p.s) +
      dashes("M250 405H550", p.s2, 18, "16 6") +
      rect(350, 424, 100, 10, 5, p.s2),
  },
  notebook: {
    words: ["notebook", "journal", "notepad", "planner", "sketchbook", "diary"],
    shadow: [400, 640, 170],
    tilt: 7,
    flip: false,
    draw: (p, v) =>
      rect(274, 166, 290, 450, 16, p.l) +
      rect(250, 160, 290, 450, 16, p.a) +
      rect(484, 160, 18, 450, 0, v === 1 ? p.d : p.b) +
      rect(300, 236, 140, 64, 8, p.l, op(0.85)) +
      line("M316 260H420M316 278H384", p.s2, 6) +
      dashes("M262 182V592", p.d, 34, "10 18") +
      path("M420 606v56l15-12 15 12v-56z", p.b2),
  },
  letterTray: {
    words: ["letter tray", "paper tray", "document tray", "in tray", "inbox", "file tray"],
    shadow: [400, 624, 250],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(220, 300, 330, 36, 4, p.l, rot(-3, 380, 318)) +
      rect(250, 470, 330, 36, 4, p.l, rot(2, 410, 488)) +
      line("M200 396V500M600 396V500", p.s2, 12) +
      path("M170 320H630L610 400H190Z", p.a) +
      path("M170 490H630L610 610H190Z", p.a) +
      rect(170, 320, 460, 14, 0, p.a2) +
      rect(170, 490, 460, 14, 0, p.a2) +
      rect(350, 540, 100, 16, 8, v === 1 ? p.b : p.a2),
  },
  organizer: {
    words: ["desk organizer", "desk organiser", "pen holder", "desk tidy", "pen cup", "caddy"],
    shadow: [400, 628, 200],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(260, 200, 26, 260, 13, p.b, rot(-10, 273, 330)) +
      path("M262 196l11-40 11 40z", p.d, rot(-10, 273, 330)) +
      rect(306, 180, 26, 280, 13, p.c, rot(-3, 319, 320)) +
      rect(348, 220, 26, 240, 13, v === 1 ? p.a : p.d, rot(6, 361, 340)) +
      rect(446, 230, 44, 230, 4, p.l, rot(8, 468, 345)) +
      dashes("M452 250V450", p.s2, 14, "3 17", rot(8, 468, 345)) +
      rect(500, 300, 100, 100, 6, p.w, rot(-8, 550, 350)) +
      rect(230, 400, 340, 220, 18, p.wd) +
      rect(400, 400, 14, 220, 0, p.wd2) +
      rect(230, 400, 340, 16, 0, p.wd2, op(0.5)) +
      rect(280, 500, 80, 14, 7, p.wd2, op(0.4)),
  },
  pen: {
    words: ["pen", "pencil", "fountain pen", "marker", "stationery"],
    shadow: [400, 610, 210],
    tilt: 4,
    flip: true,
    draw: (p, v) =>
      `<g${rot(-35, 400, 420)}>` +
      rect(370, 260, 60, 300, 30, p.a) +
      rect(368, 550, 64, 8, 0, v === 1 ? p.b : "#c9a45c") +
      rect(380, 556, 40, 44, 6, p.d) +
      path("M380 596h40l-20 96z", "#d8b45c") +
      line("M400 620V676", p.d, 3) +
      circle(400, 620, 5, p.d) +
      rect(366, 150, 68, 160, 30, p.a2) +
      rect(366, 290, 68, 12, 0, v === 1 ? p.b : "#c9a45c") +
      rect(424, 170, 12, 120, 6, "#c9a45c") +
      "</g>",
  },
  webcam: {
    words: ["webcam", "camera"],
    shadow: [400, 624, 150],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(388, 420, 24, 170, 0, p.s2) +
      ellipse(400, 600, 110, 20, p.d) +
      rect(230, 270, 340, 170, 85, p.a) +
      circle(400, 355, 64, p.d) +
      circle(400, 355, 40, v === 1 ? p.b2 : p.a2) +
      circle(400, 355, 16, p.d) +
      circle(386, 340, 8, p.l, op(0.7)) +
      circle(510, 322, 8, p.b),
  },
  // kitchen
  kettle: {
    words: ["kettle", "electric kettle"],
    shadow: [400, 630, 210],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M482 322C604 322 604 562 510 562", p.d, 28) +
      path("M324 362L234 300L222 318L300 412Z", p.a) +
      path("M290 590L318 322Q400 300 482 322L510 590Z", p.a) +
      (v === 1
        ? rect(442, 364, 22, 170, 11, p.l, op(0.45))
        : rect(300, 520, 200, 16, 0, v === 0 ? p.b : p.a2)) +
      ellipse(400, 318, 84, 16, p.a2) +
      rect(378, 290, 44, 22, 8, p.d) +
      rect(268, 586, 264, 40, 14, p.d) +
      circle(490, 606, 7, p.w),
  },
  gooseneck: {
    words: ["gooseneck", "gooseneck kettle", "gooseneck electric kettle", "pour-over kettle"],
    shadow: [400, 630, 220],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M320 560C240 560 230 440 200 330L166 306", p.s2, 16) +
      line("M478 360C590 360 590 540 490 540", p.d, 26) +
      path("M280 600L300 380Q400 340 500 380L520 600Z", p.a) +
      rect(284, 530, 232, 16, 0, v === 0 ? p.b : p.a2) +
      ellipse(400, 372, 92, 18, p.a2) +
      circle(400, 346, 16, p.d) +
      rect(264, 596, 272, 28, 12, p.d),
  },
  pan: {
    words: ["pan", "skillet", "frying pan", "wok", "griddle", "crepe pan"],
    shadow: [440, 630, 260],
    tilt: 14,
    flip: true,
    draw: (p, v) =>
      line("M520 420H690", p.d, 38) +
      circle(676, 420, 7, p.disc) +
      circle(340, 420, 190, p.a) +
      circle(340, 420, 158, p.d) +
      line("M230 330a140 140 0 0 1 110-50", p.l, 10, op(0.18)) +
      (v === 2
        ? ""
        : path("M300 360c40-40 100-10 104 30s-10 60-50 80-110 10-100-40 10-50 46-70z", "#fffaf0") +
          circle(352, 420, 30, "#f6b62b")),
  },
  sheetPan: {
    words: ["sheet pan", "baking sheet", "baking tray", "cookie sheet", "roasting tray"],
    shadow: [400, 560, 280],
    tilt: 4,
    flip: true,
    draw: (p, v) =>
      path("M130 500L270 320H670L530 500Z", p.s2) +
      path("M160 484L282 334H640L518 484Z", p.s) +
      path("M130 500H530V520H130Z", p.s2) +
      path("M530 500L670 320V340L530 520Z", p.d, op(0.3)) +
      ellipse(300, 410, 52, 30, "#d9a55b") +
      ellipse(430, 370, 52, 30, "#d9a55b") +
      ellipse(420, 450, 52, 30, "#d9a55b") +
      ellipse(546, 400, 52, 30, v === 1 ? "#b97a3c" : "#d9a55b") +
      dashes("M280 404h40M410 364h40M400 444h40M526 394h40", COFFEE, 9, "6 9"),
  },
  knife: {
    words: ["knife", "knives", "cleaver", "santoku", "cutlery", "paring knife"],
    shadow: [400, 600, 230],
    tilt: 8,
    flip: true,
    draw: (p) =>
      `<g${rot(-28, 415, 410)}>` +
      path("M500 370H200Q160 372 150 385Q300 452 500 452Z", p.s) +
      path("M500 370H200Q160 372 150 385L500 388Z", p.l, op(0.55)) +
      rect(496, 364, 24, 94, 6, p.s2) +
      rect(518, 384, 170, 54, 20, p.a) +
      circle(566, 411, 7, p.s) +
      circle(612, 411, 7, p.s) +
      circle(656, 411, 7, p.s) +
      "</g>",
  },
  whetstone: {
    words: ["whetstone", "sharpening stone", "water stone", "knife sharpener", "sharpener"],
    shadow: [400, 600, 260],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      isoBox(330, 330, 320, 140, 36, p.s2, p.d, p.d) +
      isoBox(330, 296, 300, 120, 44, p.bl, p.b, p.b2) +
      isoBox(330, 252, 300, 120, 44, v === 1 ? p.cl : p.al, v === 1 ? p.c : p.a, v === 1 ? p.c2 : p.a2),
  },
  cuttingBoard: {
    words: ["cutting board", "chopping board", "butcher block", "serving board", "bread board"],
    shadow: [400, 626, 260],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      rect(540, 370, 130, 100, 44, p.wd) +
      circle(622, 420, 18, p.disc) +
      rect(150, 250, 440, 360, 36, p.wd) +
      dashes("M170 430H570", p.wd2, 320, "36 36", op(0.25)) +
      rect(150, 580, 440, 30, 0, p.wd2, ' rx="15"') +
      circle(320, 400, 70, "#e8483f") +
      circle(320, 400, 56, "#f26b5b") +
      path("M320 352l-14-20h28z", p.g) +
      ellipse(460, 470, 20, 42, p.g, rot(30, 460, 470)) +
      ellipse(500, 460, 20, 42, v === 1 ? p.g : p.c2, rot(-20, 500, 460)),
  },
  pot: {
    words: ["pot", "dutch oven", "stockpot", "casserole", "cocotte", "braiser", "cookware"],
    shadow: [400, 624, 210],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(184, 384, 62, 36, 18, p.d) +
      rect(554, 384, 62, 36, 18, p.d) +
      rect(226, 340, 348, 270, 44, p.a) +
      rect(254, 384, 20, 180, 10, p.l, op(0.2)) +
      (v === 1 ? rect(226, 450, 348, 18, 0, p.b) : "") +
      rect(214, 330, 372, 32, 14, p.a2) +
      path("M222 334Q400 236 578 334Z", p.a2) +
      rect(390, 268, 20, 24, 0, p.d) +
      rect(366, 252, 68, 26, 13, v === 2 ? p.b : p.d),
  },
  saucepan: {
    words: ["saucepan", "sauce pan", "sauté pan", "milk pan"],
    shadow: [420, 626, 250],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M500 392L690 330", p.d, 30) +
      circle(672, 336, 7, p.disc) +
      rect(180, 370, 330, 240, 40, v === 1 ? p.a : p.s) +
      rect(206, 410, 18, 160, 9, p.l, op(0.35)) +
      rect(168, 356, 354, 30, 14, v === 1 ? p.a2 : p.s2) +
      (v === 1 ? "" : rect(180, 500, 330, 18, 0, p.a)),
  },
  blender: {
    words: ["immersion blender", "hand blender", "stick blender", "blender"],
    shadow: [400, 630, 120],
    tilt: 10,
    flip: true,
    draw: (p, v) =>
      rect(380, 370, 40, 190, 0, p.s) +
      rect(390, 380, 8, 170, 4, p.l, op(0.6)) +
      path("M332 556H468L492 624H308Z", p.s2) +
      rect(336, 600, 128, 24, 0, p.d, op(0.2)) +
      rect(340, 130, 120, 260, 56, p.a) +
      rect(340, 330, 120, 60, 0, p.a2, ' rx="20"') +
      rect(382, 190, 36, 70, 18, v === 1 ? p.d : p.b),
  },
  mixer: {
    words: ["stand mixer", "mixer", "food processor"],
    shadow: [400, 630, 230],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(200, 580, 380, 44, 22, p.a2) +
      rect(200, 280, 120, 320, 40, p.a) +
      rect(410, 556, 120, 28, 6, p.s2) +
      path("M366 420H574L556 540Q470 590 384 540Z", p.s) +
      rect(354, 408, 232, 22, 11, p.s2) +
      rect(462, 330, 16, 100, 0, p.s2) +
      rect(200, 190, 380, 150, 75, p.a) +
      rect(200, 300, 380, 16, 0, v === 1 ? p.b : p.a2, op(v === 1 ? 1 : 0.5)) +
      rect(236, 228, 54, 14, 7, p.s) +
      circle(560, 266, 16, p.s),
  },
  scale: {
    words: ["scale", "kitchen scale", "food scale", "digital scale"],
    shadow: [400, 600, 260],
    tilt: 4,
    flip: true,
    draw: (p, v) =>
      rect(170, 360, 460, 210, 50, p.a) +
      rect(190, 320, 420, 170, 40, v === 1 ? p.l : p.s) +
      rect(220, 340, 150, 14, 7, p.l, op(0.6)) +
      rect(300, 510, 200, 40, 8, p.d) +
      rect(316, 520, 110, 20, 3, p.w, op(0.8)) +
      circle(560, 530, 14, p.l) +
      circle(240, 530, 14, p.l),
  },
  toaster: {
    words: ["toaster"],
    shadow: [400, 626, 220],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      path("M292 296V220q0-30 26-30q22-18 42 0q26 0 26 30V296Z", "#e7b46b") +
      path("M424 296V240q0-30 26-30q22-18 42 0q26 0 26 30V296Z", "#e7b46b") +
      path("M304 296V226q0-20 18-20q20-14 38 0q18 0 18 20V296Z", "#f6dca2") +
      path("M436 296V246q0-20 18-20q20-14 38 0q18 0 18 20V296Z", "#f6dca2") +
      rect(220, 290, 360, 320, 80, p.a) +
      rect(280, 290, 120, 18, 9, p.d) +
      rect(412, 290, 120, 18, 9, p.d) +
      rect(250, 330, 24, 220, 12, p.l, op(0.25)) +
      rect(540, 420, 64, 26, 10, p.d) +
      circle(400, 520, 22, v === 1 ? p.b : p.l) +
      rect(260, 604, 60, 14, 4, p.d) +
      rect(480, 604, 60, 14, 4, p.d),
  },
  utensils: {
    words: ["spatula", "utensil", "ladle", "spoon", "turner", "tongs", "utensils"],
    shadow: [400, 630, 160],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      `<g${rot(-14, 360, 500)}>` +
      rect(350, 220, 22, 300, 11, p.wd) +
      rect(318, 130, 86, 120, 34, p.b) +
      "</g>" +
      `<g${rot(12, 440, 500)}>` +
      rect(430, 200, 22, 320, 11, v === 1 ? p.d : p.wd2) +
      rect(400, 120, 82, 110, 30, p.c) +
      "</g>" +
      rect(392, 190, 18, 320, 9, p.s2) +
      ellipse(401, 180, 38, 52, p.s) +
      rect(290, 400, 220, 220, 34, p.a) +
      rect(280, 390, 240, 34, 14, p.a2),
  },
  mortar: {
    words: ["mortar", "pestle", "mortar and pestle", "spice grinder"],
    shadow: [400, 626, 200],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      ellipse(400, 420, 174, 38, v === 1 ? p.a : p.s) +
      ellipse(400, 424, 144, 26, p.d) +
      rect(436, 200, 64, 260, 32, v === 1 ? p.a2 : p.s2, rot(28, 468, 330)) +
      path("M226 420A174 38 0 0 0 574 420Q566 600 400 612Q234 600 226 420Z", v === 1 ? p.a2 : p.s2) +
      dashes("M300 500H500M330 560H470", p.d, 6, "4 26", op(0.3)),
  },
  saltCellar: {
    words: ["salt cellar", "salt box", "salt pig", "salt keeper", "cellar"],
    shadow: [400, 626, 180],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      ellipse(500, 300, 130, 34, p.wd, rot(-24, 500, 300)) +
      ellipse(500, 296, 110, 22, p.wd2, rot(-24, 500, 300) + op(0.4)) +
      circle(380, 420, 14, p.s2) +
      rect(270, 420, 260, 180, 30, p.wd) +
      ellipse(400, 420, 130, 34, p.wd2) +
      ellipse(400, 426, 112, 24, "#fbfbf8") +
      dashes("M330 430H470", p.s, 6, "6 14") +
      rect(270, 520, 260, 14, 0, v === 1 ? p.b : p.wd2, op(0.6)),
  },
  // coffee & tea
  mug: {
    words: ["mug", "cup", "coffee mug"],
    shadow: [400, 626, 180],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M360 252c-22-30 22-52 0-84M420 252c-22-30 22-52 0-84", p.s2, 10, op(0.55)) +
      line("M492 362C592 362 592 522 492 522", p.a2, 34) +
      path("M270 300H510V560Q510 612 458 612H322Q270 612 270 560Z", p.a) +
      (v === 0 ? rect(270, 440, 240, 26, 0, p.b) : v === 1 ? circle(390, 460, 40, p.bl) : "") +
      ellipse(390, 300, 120, 22, p.a2) +
      ellipse(390, 304, 104, 14, COFFEE),
  },
  travelMug: {
    words: ["travel mug", "tumbler", "insulated mug", "thermal mug", "travel cup"],
    shadow: [400, 630, 120],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      path("M320 220H480L460 600Q460 620 440 620H360Q340 620 340 600Z", p.a) +
      path("M328 380H472L469 450H331Z", v === 1 ? p.d : p.b) +
      rect(352, 240, 20, 300, 10, p.l, op(0.25)) +
      rect(312, 170, 176, 56, 18, p.d) +
      rect(340, 180, 60, 12, 6, p.s2),
  },
  glassCup: {
    words: ["glass cup", "double-wall glass", "latte glass", "coffee glass", "glasses"],
    shadow: [400, 622, 170],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      path("M290 240H510L490 580Q488 606 462 606H338Q312 606 310 580Z", p.bl, op(0.55)) +
      path("M318 300H482L468 560Q466 580 446 580H354Q334 580 332 560Z", COFFEE) +
      path("M318 300H482L476 400H324Z", "#e9d3b0") +
      path("M318 300H482L480 330H320Z", "#fff6e6") +
      rect(324, 260, 16, 300, 8, p.l, op(0.6)) +
      (v === 1 ? "" : line("M360 230c-20-28 20-48 0-76M430 230c-20-28 20-48 0-76", p.s2, 9, op(0.5))),
  },
  espresso: {
    words: ["espresso cup", "demitasse", "espresso cups", "cappuccino cup"],
    shadow: [400, 626, 260],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      espressoCup(290, 430, p.a, p.a2) + espressoCup(520, 480, v === 1 ? p.l : p.b, v === 1 ? p.a2 : p.b2),
  },
  teapot: {
    words: ["teapot", "tea pot", "tetsubin", "tea maker"],
    shadow: [400, 626, 200],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M556 400C650 400 650 540 546 540", p.a2, 26) +
      path("M262 474Q200 440 178 338L204 332Q228 410 282 420Z", p.a) +
      rect(320, 588, 160, 26, 10, p.a2) +
      ellipse(400, 470, 170, 140, p.a) +
      (v === 1
        ? path("M240 520Q400 580 560 520", "none", ` stroke="${p.b}" stroke-width="18"`)
        : circle(340, 470, 14, p.b) + circle(400, 484, 14, p.b) + circle(460, 470, 14, p.b)) +
      path("M312 346Q400 280 488 346Z", p.a2) +
      circle(400, 300, 18, p.a2),
  },
  coffee: {
    words: ["coffee", "coffee bean", "roast", "blend", "espresso", "decaf", "single origin", "beans"],
    shadow: [400, 636, 180],
    tilt: 5,
    flip: false,
    draw: (p, v) =>
      path("M265 245H535L555 612Q555 622 545 622H255Q245 622 245 612Z", v === 2 ? p.wd : p.a) +
      rect(260, 200, 280, 52, 8, v === 2 ? p.wd2 : p.a2) +
      dashes("M270 226H530", p.d, 36, "4 8", op(0.2)) +
      rect(305, 350, 190, 190, 20, p.l) +
      `<g${rot(25, 400, 445)}>` +
      ellipse(400, 445, 44, 62, COFFEE) +
      line("M396 392c-26 34 26 72 0 106", p.l, 8) +
      "</g>" +
      circle(484, 292, 13, p.d, op(0.3)) +
      rect(305, 560, 190, 14, 7, v === 1 ? p.b : p.al, op(0.9)),
  },
  tea: {
    words: ["tea", "sencha", "oolong", "chai", "earl grey", "rooibos", "loose leaf", "tea tin", "canister"],
    shadow: [400, 630, 160],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(280, 260, 240, 360, 20, p.a) +
      rect(270, 214, 260, 70, 16, p.a2) +
      rect(270, 274, 260, 12, 0, p.d, op(0.2)) +
      rect(280, 560, 240, 14, 0, p.a2) +
      circle(400, 420, 86, v === 1 ? p.b : p.l) +
      path("M400 364c50 24 56 92 0 116-56-24-50-92 0-116z", p.g) +
      line("M400 380V476", p.l, 5, op(0.8)),
  },
  infuser: {
    words: ["infuser", "tea infuser", "strainer", "steeper", "tea ball"],
    shadow: [400, 632, 150],
    tilt: 8,
    flip: true,
    draw: (p, v) =>
      circle(400, 176, 24, "none", ` stroke="${p.s2}" stroke-width="8"`) +
      dashes("M400 200V300", p.s2, 10, "14 6") +
      circle(400, 430, 130, p.s) +
      rows(400, 430, 130, 26, p.d, 8, op(0.3)) +
      rect(270, 420, 260, 16, 0, p.s2) +
      rect(382, 290, 36, 24, 8, p.s2) +
      path("M560 560c30-30 80-20 90 10-30 30-80 20-90-10z", p.g) +
      path("M150 580c20-36 70-40 90-16-20 36-70 40-90 16z", v === 1 ? p.c2 : p.g),
  },
  matcha: {
    words: ["matcha", "matcha whisk", "chasen", "matcha bowl", "matcha set"],
    shadow: [400, 630, 240],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(560, 190, 34, 150, 14, p.wd2) +
      path("M530 330H624Q650 440 577 500Q504 440 530 330Z", "#e9d29a") +
      line("M548 350Q552 440 577 490M577 350V490M606 350Q602 440 577 490", p.wd2, 4, op(0.6)) +
      path("M170 400H530Q520 600 350 612Q180 600 170 400Z", v === 1 ? p.d : p.a) +
      ellipse(350, 400, 180, 36, v === 1 ? p.s2 : p.a2) +
      ellipse(350, 404, 158, 26, "#8dbb4c") +
      ellipse(330, 400, 60, 10, "#b9d97a", op(0.8)),
  },
  grinder: {
    words: ["grinder", "burr grinder", "coffee grinder", "coffee mill"],
    shadow: [400, 630, 150],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      path("M320 170H480L458 300H342Z", p.bl, op(0.7)) +
      ellipse(370, 270, 14, 9, COFFEE) +
      ellipse(404, 258, 14, 9, COFFEE) +
      ellipse(432, 272, 14, 9, COFFEE) +
      ellipse(388, 284, 14, 9, COFFEE) +
      rect(314, 150, 172, 28, 12, p.d) +
      rect(300, 290, 200, 310, 34, p.a) +
      circle(400, 350, 26, v === 1 ? p.b : p.s) +
      rect(334, 420, 132, 150, 18, p.d, op(0.85)) +
      rect(382, 420, 36, 26, 4, p.s2) +
      rect(350, 496, 100, 74, 10, p.s) +
      rect(286, 590, 228, 30, 14, p.a2),
  },
  frenchPress: {
    words: ["french press", "press", "cafetiere", "cold brew", "coffee press", "plunger"],
    shadow: [400, 628, 170],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(390, 170, 20, 90, 0, p.s2) +
      circle(400, 166, 22, p.d) +
      line("M480 300C580 300 580 540 480 540", p.d, 26) +
      rect(300, 280, 200, 320, 16, p.bl, op(0.6)) +
      rect(306, 420, 188, 176, 10, COFFEE) +
      rect(300, 252, 200, 40, 12, p.a) +
      rect(300, 292, 20, 308, 0, p.a) +
      rect(480, 292, 20, 308, 0, p.a) +
      rect(280, 590, 240, 28, 12, v === 1 ? p.b2 : p.a2) +
      rect(326, 310, 16, 90, 8, p.l, op(0.6)),
  },
  dripper: {
    words: ["pour-over", "pour over", "dripper", "chemex", "v60", "carafe", "drip"],
    shadow: [400, 628, 170],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      path("M290 440Q260 520 300 610H500Q540 520 510 440Z", p.bl, op(0.75)) +
      path("M306 540Q300 590 314 606H486Q500 590 494 540Z", COFFEE) +
      rect(290, 410, 220, 30, 12, p.s2) +
      path("M240 210H560L460 400H340Z", p.a) +
      line("M300 240L360 370M400 240V370M500 240L440 370", p.a2, 8, op(0.5)) +
      rect(322, 396, 156, 22, 8, v === 1 ? p.b : p.a2),
  },
  // outdoor
  tent: {
    words: ["tent", "shelter", "bivy"],
    shadow: [400, 614, 290],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M206 480L112 612M594 480L688 612", p.d, 4) +
      path("M150 610C190 300 300 200 400 200C500 200 610 300 650 610Z", p.a) +
      path("M400 200C500 200 610 300 650 610H400Z", p.a2) +
      (v === 1 ? line("M176 470C270 410 530 410 624 470", p.b, 14) : "") +
      path("M318 610Q326 384 400 330Q474 384 482 610Z", p.d) +
      path("M400 330Q474 384 482 610H448Q436 430 400 330Z", v === 2 ? p.b : p.bl) +
      line("M400 200V170", p.d, 8),
  },
  tarp: {
    words: ["tarp", "rain fly", "flysheet", "rainfly"],
    shadow: [410, 600, 290],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M300 230L140 420M560 190L700 330M300 230L470 600", p.d, 4) +
      path("M300 230L560 190L420 520L140 590Z", p.a2) +
      path("M300 230L560 190L680 500L470 590Z", p.a) +
      (v === 1 ? line("M300 230L560 190", p.b, 10) : "") +
      line("M300 226V600M560 186V520", p.d, 10),
  },
  sleepingBag: {
    words: ["sleeping bag", "mummy bag", "quilt", "bedroll"],
    shadow: [400, 640, 160],
    tilt: 10,
    flip: true,
    draw: (p, v) =>
      path("M400 140C580 140 570 260 556 300L506 612Q400 646 294 612L244 300C230 260 220 140 400 140Z", p.a) +
      line("M262 360H538M268 430H532M278 500H522M288 570H512", p.a2, 6, op(0.7)) +
      ellipse(400, 238, 96, 66, p.a2) +
      ellipse(400, 246, 70, 46, p.d) +
      line("M474 300L446 612", v === 1 ? p.l : p.b, 8),
  },
  sleepingPad: {
    words: ["sleeping pad", "air mattress", "camping mat", "air pad", "sleeping mat"],
    shadow: [400, 610, 280],
    tilt: 8,
    flip: true,
    draw: (p, v) =>
      rect(150, 310, 500, 230, 40, p.a2, ' transform="translate(0 22)"') +
      rect(150, 310, 500, 230, 40, p.a) +
      dashes("M196 425H604", p.a2, 196, "8 38", op(0.6)) +
      circle(610, 350, 14, v === 1 ? p.b : p.d) +
      rect(230, 330, 120, 10, 5, p.l, op(0.4)),
  },
  stove: {
    words: ["stove", "camp stove", "backpacking stove", "burner", "canister stove"],
    shadow: [400, 616, 200],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      path("M360 330C330 290 380 260 390 220C410 270 460 290 430 330Z", "#ff9f43") +
      path("M380 330C370 300 392 290 400 268C410 296 426 306 418 330Z", p.w) +
      line("M250 350H550", p.s2, 12) +
      line("M290 350L250 600M510 350L550 600M400 350V380", p.s2, 12) +
      rect(300, 380, 200, 220, 40, v === 1 ? p.b : p.a) +
      rect(330, 400, 20, 150, 10, p.l, op(0.25)) +
      rect(370, 430, 60, 22, 8, p.d),
  },
  campStove: {
    words: ["camping stove", "two-burner", "camp kitchen", "double burner"],
    shadow: [400, 624, 260],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(180, 200, 440, 200, 16, p.a2) +
      rect(150, 250, 40, 150, 8, p.a2) +
      rect(610, 250, 40, 150, 8, p.a2) +
      path("M190 380H610L630 410H170Z", p.s2) +
      path("M270 392c-30-40 14-70 16-110 20 30 50 60 28 110z", "#4dabf7") +
      path("M486 392c-30-40 14-70 16-110 20 30 50 60 28 110z", "#4dabf7") +
      path("M284 392c-10-24 6-40 10-60 10 20 22 36 10 60z", "#d0ebff") +
      path("M500 392c-10-24 6-40 10-60 10 20 22 36 10 60z", "#d0ebff") +
      line("M230 396H360M440 396H570", p.d, 6) +
      rect(170, 410, 460, 196, 18, p.a) +
      rect(170, 470, 460, 16, 0, v === 1 ? p.b : p.a2) +
      circle(540, 540, 20, p.l) +
      circle(596, 540, 20, p.l) +
      line("M540 540v-14M596 540v-14", p.d, 5) +
      rect(210, 426, 40, 26, 6, p.s),
  },
  lantern: {
    words: ["lantern", "camp light", "camping light"],
    shadow: [400, 606, 130],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      circle(400, 390, 170, p.w, op(0.35)) +
      line("M330 250Q400 140 470 250", p.d, 12) +
      rect(336, 262, 128, 260, 10, p.w) +
      ellipse(400, 396, 26, 44, v === 1 ? "#ffb347" : "#fff6d5") +
      line("M360 262V522M440 262V522", p.d, 10, op(0.7)) +
      path("M304 266H496L460 218H340Z", p.a) +
      rect(380, 200, 40, 22, 8, p.a2) +
      rect(300, 516, 200, 74, 16, p.a) +
      rect(300, 540, 200, 12, 0, v === 0 ? p.b : p.a2),
  },
  headlamp: {
    words: ["headlamp", "head torch", "flashlight", "torch"],
    shadow: [400, 590, 200],
    tilt: 8,
    flip: false,
    draw: (p, v) =>
      path("M190 360A210 110 0 0 1 610 360", "none", ` stroke="${p.a2}" stroke-width="40"`) +
      circle(400, 466, 100, p.w, op(0.35)) +
      path("M190 360A210 110 0 0 0 610 360", "none", ` stroke="${p.a}" stroke-width="40"`) +
      rect(310, 400, 180, 134, 36, p.d) +
      circle(400, 466, 46, p.s) +
      circle(400, 466, 32, p.w) +
      rect(370, 388, 60, 18, 8, v === 1 ? p.b : p.s2),
  },
  bottle: {
    words: ["bottle", "flask", "canteen", "thermos", "hydration"],
    shadow: [400, 630, 120],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M372 170Q400 118 428 170", p.d, 12) +
      rect(344, 160, 112, 64, 18, p.d) +
      rect(354, 214, 92, 40, 0, p.a2) +
      rect(320, 240, 160, 380, 54, p.a) +
      rect(320, 380, 160, 60, 0, v === 1 ? p.b : p.a2) +
      rect(344, 270, 22, 300, 11, p.l, op(0.3)),
  },
  waterFilter: {
    words: ["water filter", "filter", "purifier", "water purifier", "gravity filter"],
    shadow: [400, 630, 200],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M250 140H550", p.wd2, 22) +
      line("M400 150V200", p.d, 8) +
      path("M290 200H510V400Q510 440 470 440H330Q290 440 290 400Z", p.a) +
      rect(330, 270, 140, 130, 20, p.bl) +
      rect(330, 330, 140, 70, 0, p.b, ' rx="10"') +
      rect(284, 196, 232, 36, 12, p.a2) +
      line("M400 440C400 500 330 480 330 520", p.d, 10) +
      rect(300, 516, 60, 70, 16, v === 1 ? p.c : p.s) +
      line("M330 586C330 620 430 620 450 560", p.d, 10) +
      rect(430, 460, 100, 160, 30, p.bl, op(0.8)) +
      rect(430, 540, 100, 80, 0, p.b, op(0.7)) +
      rect(446, 444, 68, 24, 8, p.d),
  },
  cooler: {
    words: ["cooler", "ice box", "icebox", "cool box"],
    shadow: [400, 624, 250],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M250 330V268H550V330", p.d, 16) +
      rect(170, 300, 460, 80, 24, p.a2) +
      rect(180, 370, 440, 240, 30, p.a) +
      rect(180, 440, 440, 40, 0, v === 0 ? p.l : p.b) +
      rect(370, 370, 60, 26, 6, p.d),
  },
  hammock: {
    words: ["hammock"],
    shadow: [400, 600, 220],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(120, 160, 40, 460, 10, p.wd2) +
      rect(640, 160, 40, 460, 10, p.wd2) +
      line("M160 260L240 400M640 260L560 400", p.d, 6) +
      path("M230 390Q400 640 570 390Q400 500 230 390Z", p.a) +
      path("M260 430Q400 560 540 430", "none", ` stroke="${v === 1 ? p.b : p.al}" stroke-width="14"`),
  },
  poles: {
    words: ["trekking pole", "hiking pole", "walking stick", "trekking poles", "pole", "poles"],
    shadow: [400, 640, 200],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      [-14, 14]
        .map(
          (deg) =>
            `<g${rot(deg, 400, 400)}>` +
            line("M384 176c-40 40-40 80 0 100", v === 1 ? p.b : p.c, 8) +
            rect(392, 260, 16, 360, 0, p.s2) +
            rect(380, 150, 40, 130, 18, p.d) +
            rect(378, 270, 44, 24, 6, p.a) +
            rect(388, 430, 24, 20, 4, p.a) +
            ellipse(400, 590, 34, 9, p.d) +
            line("M400 620V650", p.d, 8) +
            "</g>",
        )
        .join(""),
  },
  campChair: {
    words: ["camp chair", "folding chair", "beach chair", "camping chair", "deck chair"],
    shadow: [400, 628, 200],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M270 190V420M530 190V420", p.d, 12) +
      path("M270 200H530V400H270Z", p.a) +
      path("M270 200H530V240H270Z", p.a2) +
      line("M270 620L530 420M530 620L270 420", p.d, 14) +
      path("M250 400Q400 460 550 400V440Q400 500 250 440Z", p.a2) +
      line("M230 380H330M470 380H570", v === 1 ? p.b : p.d, 18) +
      (v === 0 ? rect(370, 200, 60, 200, 0, p.b, op(0.8)) : "") +
      ellipse(560, 372, 24, 10, p.s2),
  },
  campTable: {
    words: ["camp table", "folding table", "picnic table", "camping table", "table"],
    shadow: [400, 626, 270],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M220 370L560 610M580 370L240 610", p.d, 14) +
      line("M240 610H200M560 610H600", p.d, 14) +
      line("M250 500H550", p.s2, 10) +
      rect(150, 330, 500, 44, 10, v === 1 ? p.wd : p.s) +
      dashes("M160 352H640", v === 1 ? p.wd2 : p.s2, 44, "56 4") +
      rect(150, 366, 500, 10, 0, p.d, op(0.25)),
  },
  // fitness
  dumbbell: {
    words: ["dumbbell", "dumbell", "weight", "barbell", "weights", "free weight"],
    shadow: [400, 560, 250],
    tilt: 10,
    flip: false,
    draw: (p, v) =>
      rect(250, 384, 300, 32, 8, p.s) +
      dashes("M330 400H470", p.s2, 32, "4 6") +
      rect(150, 300, 60, 200, 18, p.a) +
      rect(202, 330, 48, 140, 14, p.a2) +
      rect(590, 300, 60, 200, 18, p.a) +
      rect(550, 330, 48, 140, 14, p.a2) +
      rect(250, 366, 26, 68, 6, v === 0 ? p.b : p.d) +
      rect(524, 366, 26, 68, 6, v === 0 ? p.b : p.d),
  },
  plates: {
    words: ["plate", "bumper plate", "weight plate", "plates"],
    shadow: [420, 612, 260],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      circle(470, 430, 170, p.d, op(0.85)) +
      circle(470, 430, 140, "none", ` stroke="${v === 1 ? p.b : p.a}" stroke-width="12"${op(0.7)}`) +
      circle(360, 420, 180, p.d) +
      circle(360, 420, 150, "none", ` stroke="${v === 1 ? p.b : p.a}" stroke-width="14"`) +
      circle(360, 420, 56, p.s) +
      circle(360, 420, 26, p.disc) +
      circle(300, 330, 20, p.l, op(0.1)),
  },
  kettlebell: {
    words: ["kettlebell"],
    shadow: [400, 628, 180],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M318 380Q296 206 400 206Q504 206 482 380", p.a2, 40) +
      circle(400, 470, 150, p.a) +
      rect(320, 596, 160, 24, 8, p.a2) +
      circle(400, 470, 56, v === 1 ? p.b : p.l, op(v === 1 ? 1 : 0.25)) +
      line("M300 400Q330 350 380 338", p.l, 14, op(0.3)),
  },
  bench: {
    words: ["weight bench", "bench", "workout bench", "incline bench"],
    shadow: [420, 620, 260],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      line("M250 470H610M280 470V600M590 470V600M230 604H330M540 604H640", p.d, 18) +
      line("M330 470L360 390", p.d, 16) +
      rect(180, 360, 290, 62, 31, p.a, rot(-24, 460, 420)) +
      rect(420, 400, 220, 62, 31, p.a) +
      rect(180, 410, 290, 12, 0, p.a2, rot(-24, 460, 420)) +
      rect(430, 450, 200, 12, 0, v === 1 ? p.b : p.a2),
  },
  pullUpBar: {
    words: ["pull-up bar", "chin-up bar", "doorway bar", "pull up bar"],
    shadow: [400, 632, 240],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      rect(210, 140, 40, 490, 0, p.wd) +
      rect(550, 140, 40, 490, 0, p.wd) +
      rect(210, 140, 380, 40, 0, p.wd2) +
      rect(236, 280, 40, 70, 8, p.a) +
      rect(524, 280, 40, 70, 8, p.a) +
      rect(170, 296, 460, 32, 16, p.s) +
      rect(196, 290, 100, 44, 22, v === 1 ? p.b : p.d) +
      rect(504, 290, 100, 44, 22, v === 1 ? p.b : p.d),
  },
  yogaMat: {
    words: ["yoga mat", "exercise mat", "pilates mat", "fitness mat", "gym mat"],
    shadow: [400, 560, 260],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      ellipse(220, 410, 54, 86, p.a) +
      rect(220, 324, 340, 172, 0, p.a) +
      rect(290, 324, 30, 172, 0, v === 1 ? p.d : p.b) +
      rect(460, 324, 30, 172, 0, v === 1 ? p.d : p.b) +
      ellipse(560, 410, 54, 86, p.a2) +
      path(
        "M560 410m-8 0a10 14 0 0 1 20 0a22 30 0 0 1-44 0a34 46 0 0 1 68 0",
        "none",
        ` stroke="${p.al}" stroke-width="6"`,
      ),
  },
  yogaBlock: {
    words: ["yoga block", "yoga brick", "cork block"],
    shadow: [400, 624, 250],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      isoBox(316, 190, 100, 200, 250, "#ebc58f", p.wd, p.wd2) +
      isoBox(
        466,
        360,
        220,
        100,
        96,
        v === 1 ? p.al : "#ebc58f",
        v === 1 ? p.a : p.wd,
        v === 1 ? p.a2 : p.wd2,
      ),
  },
  strap: {
    words: ["strap", "yoga strap", "stretching strap", "stretch strap"],
    shadow: [400, 616, 240],
    tilt: 8,
    flip: true,
    draw: (p, v) => {
      const d = "M200 560C120 420 300 300 420 360S600 560 470 560 300 400 420 260 640 230 620 330";
      return (
        line(d, p.a, 48) +
        dashes(d, v === 1 ? p.b : p.a2, 4, "10 8") +
        path("M606 290h30a40 40 0 0 1 0 80h-30z", "none", ` stroke="${p.s2}" stroke-width="12"`) +
        line("M600 284V376", p.s, 12)
      );
    },
  },
  cushion: {
    words: ["cushion", "zafu", "meditation cushion", "pouf", "bolster"],
    shadow: [400, 612, 230],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      path("M190 420Q180 590 400 596Q620 590 610 420Z", p.a2) +
      line(
        "M260 480q10 50 0 90M340 490q6 50 0 100M460 490q-6 50 0 100M540 480q-10 50 0 90",
        p.d,
        4,
        op(0.2),
      ) +
      ellipse(400, 420, 210, 84, p.a) +
      line("M260 400l140 20M540 400l-140 20M400 350v70M300 450l100-30M500 450l-100-30", p.a2, 4, op(0.5)) +
      circle(400, 420, 16, v === 1 ? p.b : p.a2),
  },
  ladder: {
    words: ["agility ladder", "speed ladder", "ladder"],
    shadow: [400, 630, 270],
    tilt: 0,
    flip: true,
    draw: (p, v) => {
      let rungs = "";
      for (let i = 0; i <= 5; i += 1) {
        const y = Math.round(620 - 330 * (1 - Math.pow(0.8, i)) * 1.5);
        const half = Math.round(180 - (620 - y) * 0.38);
        rungs += `M${400 - half} ${y}H${400 + half}`;
      }
      return (
        line("M220 620L330 250M580 620L470 250", p.d, 8) +
        line(rungs, v === 1 ? p.b : p.a, 16) +
        path("M610 470L650 360L690 470Z", "#ff8c42") +
        rect(600, 466, 100, 14, 4, "#ff8c42") +
        rect(626, 410, 48, 14, 0, p.l)
      );
    },
  },
  vest: {
    words: ["vest", "weighted vest", "weight vest"],
    shadow: [400, 628, 180],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      path("M290 160H352Q400 260 448 160H510L560 250V610H240V250Z", p.a) +
      path("M240 250Q300 300 300 360V610H240Z", p.a2) +
      path("M560 250Q500 300 500 360V610H560Z", p.a2) +
      rect(310, 330, 80, 110, 12, p.a2) +
      rect(410, 330, 80, 110, 12, p.a2) +
      rect(310, 460, 80, 110, 12, p.a2) +
      rect(410, 460, 80, 110, 12, p.a2) +
      rect(240, 580, 320, 30, 0, v === 1 ? p.b : p.d) +
      rect(300, 326, 200, 14, 0, v === 0 ? p.b : p.l, op(0.8)),
  },
  foamRoller: {
    words: ["foam roller", "roller", "massage roller"],
    shadow: [400, 560, 250],
    tilt: 8,
    flip: true,
    draw: (p, v) =>
      rect(220, 320, 360, 180, 0, p.a) +
      dashes("M230 410H570", p.a2, 180, "20 24", op(0.5)) +
      ellipse(220, 410, 50, 90, p.a) +
      ellipse(580, 410, 50, 90, p.a2) +
      ellipse(580, 410, 18, 32, v === 1 ? p.b : p.d),
  },
  massageGun: {
    words: ["massage gun", "percussion massager", "massager", "percussion"],
    shadow: [400, 632, 210],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      circle(190, 280, 48, v === 1 ? p.b : p.d) +
      rect(220, 262, 60, 36, 0, p.s2) +
      rect(400, 320, 100, 270, 44, p.a2) +
      rect(270, 210, 330, 140, 70, p.a) +
      rect(388, 570, 124, 52, 20, p.d) +
      circle(550, 280, 18, p.l, op(0.8)) +
      rect(310, 240, 200, 12, 6, p.l, op(0.3)),
  },
  balls: {
    words: ["massage ball", "lacrosse ball", "ball", "balls", "spiky ball"],
    shadow: [400, 622, 230],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      circle(320, 470, 140, p.a) +
      path("M220 400Q320 500 420 380", "none", ` stroke="${p.l}" stroke-width="8"${op(0.3)}`) +
      circle(520, 520, 96, v === 1 ? p.c : p.b) +
      circle(
        520,
        520,
        70,
        "none",
        ` stroke="${p.d}" stroke-width="12" stroke-linecap="round" stroke-dasharray="1 22"${op(0.3)}`,
      ) +
      circle(
        520,
        520,
        38,
        "none",
        ` stroke="${p.d}" stroke-width="12" stroke-linecap="round" stroke-dasharray="1 22"${op(0.3)}`,
      ) +
      circle(280, 420, 24, p.l, op(0.25)),
  },
  band: {
    words: ["resistance band", "band", "loop band", "bands", "tube band", "exercise band"],
    shadow: [400, 600, 230],
    tilt: 10,
    flip: true,
    draw: (p, v) =>
      ellipse(360, 430, 170, 110, "none", ` stroke="${p.a}" stroke-width="34"`) +
      ellipse(460, 380, 160, 100, "none", ` stroke="${v === 1 ? p.c : p.b}" stroke-width="30"`) +
      path("M330 322A170 110 0 0 1 469 346", "none", ` stroke="${p.a}" stroke-width="34"`),
  },
  jumpRope: {
    words: ["jump rope", "skipping rope", "rope", "speed rope"],
    shadow: [400, 632, 200],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      line("M300 300C150 700 650 700 500 300", v === 1 ? p.d : p.b2, 10) +
      rect(276, 160, 48, 160, 24, p.a, rot(-16, 300, 245)) +
      rect(476, 160, 48, 160, 24, p.a, rot(16, 500, 245)) +
      rect(280, 300, 40, 22, 6, p.a2, rot(-16, 300, 245)) +
      rect(480, 300, 40, 22, 6, p.a2, rot(16, 500, 245)),
  },
  // games & toys
  boardGame: {
    words: ["board game", "game", "chess", "checkers", "strategy game", "boardgame", "party game"],
    shadow: [400, 616, 250],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(180, 220, 440, 330, 18, p.a2) +
      rect(190, 210, 420, 320, 14, p.a) +
      rect(220, 240, 360, 260, 8, "none", ` stroke="${p.l}" stroke-width="8"${op(0.6)}`) +
      circle(400, 370, 80, v === 1 ? p.c : p.b) +
      (v === 1
        ? path("M400 306l24 64-24 64-24-64z", p.l) + path("M376 370h48l-24 64z", p.d)
        : v === 2
          ? circle(400, 370, 52, p.l) + circle(400, 370, 26, p.b2)
          : path("M400 318l16 34 38 4-28 26 8 38-34-20-34 20 8-38-28-26 38-4z", p.l)) +
      path("M258 600h84l-14-54c18-8 22-34 0-44a30 30 0 1 0-40 0c-22 10-18 36 0 44z", p.c2) +
      `<g${rot(14, 510, 540)}>` +
      rect(450, 480, 120, 120, 22, p.l) +
      circle(480, 510, 11, p.d) +
      circle(510, 540, 11, p.d) +
      circle(540, 570, 11, p.d) +
      "</g>",
  },
  tiles: {
    words: ["tile game", "word game", "letter tiles", "tiles", "word tile game", "scrabble"],
    shadow: [400, 620, 260],
    tilt: 0,
    flip: true,
    draw: (p, v) => {
      let tiles = "";
      for (let i = 0; i < 5; i += 1) {
        const x = 180 + i * 90;
        tiles += rect(x, 330, 78, 86, 8, "#f3dfb5") + rect(x + 24, 356, 30, 8, 4, p.d, op(0.7));
        tiles += circle(x + 64, 402, 5, p.d, op(0.6));
      }
      return (
        path("M160 420H640L620 500H180Z", p.wd2) +
        tiles +
        rect(160, 410, 480, 14, 4, p.wd) +
        `<g${rot(-14, 290, 560)}>` +
        rect(250, 520, 78, 86, 8, "#f3dfb5") +
        rect(274, 550, 30, 30, 15, v === 1 ? p.b : p.d, op(0.7)) +
        "</g>" +
        `<g${rot(10, 500, 560)}>` +
        rect(460, 520, 78, 86, 8, "#f3dfb5") +
        path("M499 540l18 40h-36z", v === 1 ? p.d : p.b, op(0.8)) +
        "</g>"
      );
    },
  },
  dice: {
    words: ["dice", "die", "d20", "rpg"],
    shadow: [400, 610, 230],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      `<g${rot(-12, 320, 470)}>` +
      rect(230, 380, 180, 180, 34, p.l) +
      circle(276, 426, 16, p.d) +
      circle(364, 426, 16, p.d) +
      circle(276, 514, 16, p.d) +
      circle(364, 514, 16, p.d) +
      circle(320, 470, 16, v === 1 ? p.b : p.d) +
      "</g>" +
      `<g${rot(16, 500, 440)}>` +
      rect(420, 350, 180, 180, 34, p.a) +
      circle(466, 396, 16, p.l) +
      circle(510, 440, 16, p.l) +
      circle(554, 484, 16, p.l) +
      "</g>" +
      `<g${rot(24, 420, 260)}>` +
      rect(360, 200, 120, 120, 24, p.b) +
      circle(392, 232, 11, p.l) +
      circle(448, 288, 11, p.l) +
      "</g>",
  },
  cards: {
    words: ["cards", "card game", "deck", "playing cards", "tarot"],
    shadow: [400, 616, 200],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      `<g${rot(-16, 400, 620)}>` +
      rect(300, 230, 200, 300, 20, p.a) +
      rect(318, 248, 164, 264, 12, "none", ` stroke="${p.l}" stroke-width="6"${op(0.6)}`) +
      "</g>" +
      `<g${rot(12, 400, 620)}>` +
      rect(300, 220, 200, 300, 20, p.l) +
      path(
        "M400 420c-60-40-60-90-30-100 18-6 30 8 30 20 0-12 12-26 30-20 30 10 30 60-30 100z",
        v === 1 ? p.d : "#e0474c",
      ) +
      "</g>",
  },
  puzzle: {
    words: ["puzzle", "jigsaw", "jigsaw puzzle"],
    shadow: [400, 612, 230],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      puzzlePiece(400, 400, 190, [0, 0, 0, -1], v === 1 ? p.c : p.b) +
      puzzlePiece(210, 400, 190, [0, 1, 0, 0], p.a) +
      puzzlePiece(330, 150, 190, [0, 1, 1, -1], v === 1 ? p.b : p.c, rot(-14, 425, 245)),
  },
  burrPuzzle: {
    words: ["brain teaser", "burr puzzle", "brain teaser puzzle", "wooden puzzle", "puzzle box"],
    shadow: [400, 620, 240],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      isoBox(400, 300, 80, 330, 80, "#ebc58f", p.wd, p.wd2) +
      isoBox(
        400,
        160,
        80,
        80,
        360,
        v === 1 ? p.al : "#f1d3a6",
        v === 1 ? p.a : p.wd,
        v === 1 ? p.a2 : p.wd2,
      ) +
      isoBox(465, 338, 330, 80, 80, "#ebc58f", p.wd, p.wd2),
  },
  speedCube: {
    words: ["speed cube", "puzzle cube", "magic cube", "rubik", "twisty puzzle"],
    shadow: [400, 630, 220],
    tilt: 0,
    flip: true,
    draw: (p, v) => {
      const colours = ["#f8f9fa", "#ffd43b", "#fa5252", "#ff922b", "#339af0", "#51cf66"];
      const order = v === 1 ? [1, 2, 4, 0, 5, 3] : [0, 4, 2, 5, 1, 3];
      const s = 86;
      const w = Math.round(s * 0.866);
      const h = Math.round(s / 2);
      let stickers = "";
      for (let i = 0; i < 27; i += 1) {
        const face = Math.floor(i / 9);
        const row = Math.floor((i % 9) / 3);
        const col = i % 3;
        const colour = colours[order[(i * 7 + face) % 6] ?? 0] ?? "#fff";
        let x: number;
        let y: number;
        let d: string;
        if (face === 0) {
          x = 400 + (col - row) * w;
          y = 150 + (col + row) * h + 6;
          d = `M${x} ${y}l${w - 8} ${h - 4}-${w - 8} ${h - 4}-${w - 8}-${h - 4}z`;
        } else if (face === 1) {
          x = 400 - 3 * w + col * w + 5;
          y = 150 + 3 * h + col * h + row * s + 6;
          d = `M${x} ${y}l${w - 10} ${h - 5}v${s - 12}l-${w - 10}-${h - 5}z`;
        } else {
          x = 400 + col * w + 5;
          y = 150 + 6 * h - col * h + row * s + 6;
          d = `M${x} ${y}l${w - 10}-${h - 5}v${s - 12}l-${w - 10} ${h - 5}z`;
        }
        stickers += path(d, colour);
      }
      return isoBox(400, 150, 3 * s, 3 * s, 3 * s, p.d, p.d, p.d) + stickers;
    },
  },
  blocks: {
    words: ["block", "building block", "bricks", "stacking", "blocks", "construction", "building"],
    shadow: [400, 620, 240],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      isoBox(288, 340, 132, 132, 132, p.al, p.a, p.a2) +
      isoBox(512, 340, 132, 132, 132, p.bl, p.b, p.b2) +
      isoBox(400, 210, 132, 132, 132, v === 1 ? p.bl : p.cl, v === 1 ? p.b : p.c, v === 1 ? p.b2 : p.c2) +
      circle(232, 490, 26, p.l, op(0.75)) +
      path("M568 468l34-20v60l-34 20z", p.l, op(0.75)),
  },
  rainbow: {
    words: ["rainbow", "stacking toy", "rainbow stacker", "stacker"],
    shadow: [400, 620, 260],
    tilt: 0,
    flip: false,
    draw: (p, v) => {
      const colours = [p.a, p.b, p.c, v === 1 ? p.a2 : "#ffd166", p.b2];
      return colours
        .map((colour, i) => {
          const r = 229 - i * 46;
          return `<path d="M${400 - r} 610A${r} ${r} 0 0 1 ${400 + r} 610" fill="none" stroke="${colour}" stroke-width="44"/>`;
        })
        .join("");
    },
  },
  plush: {
    words: ["plush", "teddy", "bear", "stuffed animal", "plushie", "soft toy", "cuddly", "bunny"],
    shadow: [400, 630, 190],
    tilt: 6,
    flip: false,
    draw: (p, v) =>
      circle(300, 212, 48, p.a) +
      circle(500, 212, 48, p.a) +
      circle(300, 212, 24, p.al) +
      circle(500, 212, 24, p.al) +
      ellipse(274, 444, 44, 72, p.a2, rot(30, 274, 444)) +
      ellipse(526, 444, 44, 72, p.a2, rot(-30, 526, 444)) +
      ellipse(400, 480, 130, 130, p.a) +
      ellipse(400, 500, 80, 80, p.al) +
      ellipse(318, 590, 58, 38, p.a2) +
      ellipse(482, 590, 58, 38, p.a2) +
      ellipse(318, 592, 30, 20, p.al) +
      ellipse(482, 592, 30, 20, p.al) +
      circle(400, 290, 116, p.a) +
      ellipse(400, 322, 54, 40, p.al) +
      circle(358, 268, 12, p.d) +
      circle(442, 268, 12, p.d) +
      ellipse(400, 306, 18, 12, p.d) +
      line("M400 318v14m-18 4q18 12 36 0", p.d, 5) +
      (v === 1 ? "" : path("M400 402l-44-24v48zM400 402l44-24v48z", p.b) + circle(400, 402, 12, p.b2)),
  },
  train: {
    words: ["train", "railway", "locomotive", "train set"],
    shadow: [400, 600, 280],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(110, 560, 580, 16, 4, p.wd2) +
      dashes("M130 584H670", p.wd2, 16, "16 34") +
      rect(250, 260, 50, 90, 8, p.d) +
      rect(238, 246, 74, 24, 8, p.d) +
      rect(190, 340, 260, 140, 50, v === 1 ? p.c : p.b) +
      rect(430, 250, 170, 230, 16, p.a) +
      rect(416, 226, 198, 34, 12, p.a2) +
      rect(470, 290, 90, 70, 12, p.l) +
      rect(170, 470, 450, 34, 8, p.d) +
      path("M170 470L130 540H190Z", p.d) +
      circle(270, 520, 44, p.d) +
      circle(400, 520, 44, p.d) +
      circle(530, 520, 44, p.d) +
      circle(270, 520, 16, p.s) +
      circle(400, 520, 16, p.s) +
      circle(530, 520, 16, p.s),
  },
  dollhouse: {
    words: ["dollhouse", "doll house", "dolls house", "playhouse"],
    shadow: [400, 626, 230],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(470, 190, 50, 100, 0, p.a2) +
      rect(230, 320, 340, 300, 0, p.a) +
      path("M196 340L400 170L604 340Z", p.a2) +
      rect(270, 370, 90, 80, 8, p.w) +
      rect(440, 370, 90, 80, 8, p.w) +
      line("M315 370V450M270 410H360M485 370V450M440 410H530", p.a, 8) +
      rect(360, 490, 80, 130, 40, v === 1 ? p.c : p.b) +
      circle(420, 560, 7, p.d) +
      rect(262, 500, 70, 60, 8, p.w) +
      rect(468, 500, 70, 60, 8, p.w),
  },
  kite: {
    words: ["kite", "delta kite", "stunt kite"],
    shadow: [400, 640, 150],
    tilt: 8,
    flip: true,
    draw: (p, v) =>
      line("M400 400C380 480 460 520 430 600S470 660 500 640", p.d, 5) +
      path("M420 500l-26-14 4 30zM440 580l-28-4 14 26z", v === 1 ? p.c : p.b) +
      path("M400 150L640 440L400 400L160 440Z", p.a) +
      path("M400 150L640 440L400 400Z", p.a2) +
      path("M400 150L280 300L400 400Z", v === 1 ? p.c : p.b, op(0.9)) +
      line("M400 150V400M200 430L600 430", p.d, 5, op(0.6)),
  },
  circuit: {
    words: ["circuit", "electronics kit", "stem kit", "building kit", "science kit", "snap circuits"],
    shadow: [400, 610, 260],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      rect(160, 240, 480, 330, 24, p.g) +
      line("M200 300H330V380M600 300H520V390M200 520H340V470M600 520H470V470", p.l, 5, op(0.5)) +
      rect(330, 360, 140, 110, 8, p.d) +
      dashes("M345 352H455M345 478H455", p.s, 16, "8 12") +
      circle(230, 300, 18, "#ff6b6b") +
      circle(570, 520, 18, p.w) +
      circle(230, 520, 18, v === 1 ? p.b : "#4dabf7") +
      rect(520, 270, 70, 40, 6, p.s) +
      line("M580 250C660 200 700 300 640 350", "#e03131", 8) +
      line("M200 570C180 630 260 650 300 620", p.d, 8),
  },
  marbleRun: {
    words: ["marble run", "marble", "marble track", "ball run"],
    shadow: [400, 628, 240],
    tilt: 0,
    flip: true,
    draw: (p, v) =>
      rect(220, 180, 24, 440, 6, p.wd2) +
      rect(556, 180, 24, 440, 6, p.wd2) +
      line("M232 240L568 300M568 370L232 430M232 500L568 560", p.wd, 24) +
      line("M232 228L568 288M568 358L232 418M232 488L568 548", p.wd2, 6) +
      circle(330, 238, 20, p.b) +
      circle(470, 374, 20, v === 1 ? p.a : p.c) +
      circle(290, 490, 20, p.a) +
      rect(180, 604, 440, 24, 8, p.wd2),
  },
  // bags & travel
  suitcase: {
    words: ["suitcase", "luggage", "carry-on", "spinner", "trolley", "checked luggage"],
    shadow: [400, 634, 180],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M350 250V140H450V250", p.s2, 14) +
      rect(370, 128, 60, 22, 10, p.d) +
      circle(300, 616, 18, p.d) +
      circle(500, 616, 18, p.d) +
      rect(270, 240, 260, 370, 36, p.a) +
      line("M330 280V570M400 280V570M470 280V570", p.a2, 12) +
      (v === 1 ? rect(270, 400, 260, 20, 0, p.b) : "") +
      rect(370, 244, 60, 14, 6, p.d, op(0.5)),
  },
  backpack: {
    words: ["backpack", "rucksack", "daypack", "pack", "knapsack", "bookbag", "school bag"],
    shadow: [400, 630, 190],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M360 226Q400 170 440 226", p.d, 14) +
      rect(240, 300, 30, 260, 12, p.a2) +
      rect(530, 300, 30, 260, 12, p.a2) +
      rect(260, 220, 280, 400, 70, p.a) +
      path("M260 300Q260 220 400 216Q540 220 540 300V330Q400 362 260 330Z", p.a2) +
      rect(386, 330, 28, 74, 8, p.d) +
      rect(380, 392, 40, 18, 4, v === 0 ? p.b : p.s) +
      rect(300, 440, 200, 150, 36, v === 1 ? p.b : p.a2) +
      line("M330 470H470", p.d, 5) +
      circle(470, 470, 8, p.s),
  },
  duffel: {
    words: ["duffel", "duffle", "weekender", "holdall", "gym bag", "sports bag", "weekend bag"],
    shadow: [400, 600, 260],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M320 350Q400 210 480 350", p.d, 16) +
      rect(206, 330, 388, 242, 50, p.a) +
      ellipse(208, 451, 48, 121, p.a2) +
      ellipse(592, 451, 48, 121, p.a2) +
      line("M250 352H550", p.d, 6) +
      rect(300, 332, 28, 240, 0, v === 0 ? p.b : p.a2) +
      rect(472, 332, 28, 240, 0, v === 0 ? p.b : p.a2) +
      line("M340 350Q400 240 460 350", p.d, 16) +
      rect(536, 344, 16, 30, 6, p.s),
  },
  tote: {
    words: ["tote", "shopper", "market bag", "beach bag", "handbag", "rolling tote"],
    shadow: [400, 632, 190],
    tilt: 0,
    flip: false,
    draw: (p, v) =>
      line("M320 320V250Q320 190 360 190Q380 190 380 250V320", p.a2, 18) +
      line("M420 320V250Q420 190 460 190Q480 190 480 250V320", p.a2, 18) +
      path("M250 300H550L580 614H220Z", p.a) +
      (v === 1 ? rect(248, 440, 304, 30, 0, p.b) : circle(400, 460, 54, p.bl)) +
      rect(250, 300, 300, 20, 0, p.a2),
  },
  messenger: {
    words: [
      "messenger",
      "sling",
      "crossbody",
      "shoulder bag",
      "laptop bag",
      "satchel",
      "hip pack",
      "belt bag",
    ],
    shadow: [400, 622, 230],
    tilt: 4,
    flip: true,
    draw: (p, v) =>
      line("M200 420C200 150 600 150 600 420", p.d, 18) +
      rect(180, 340, 440, 270, 30, p.a2) +
      path("M180 370Q180 330 220 330H580Q620 330 620 370V500Q400 530 180 500Z", p.a) +
      rect(270, 480, 36, 90, 8, p.d) +
      rect(494, 480, 36, 90, 8, p.d) +
      rect(266, 500, 44, 18, 4, v === 1 ? p.b : p.s) +
      rect(490, 500, 44, 18, 4, v === 1 ? p.b : p.s),
  },
  pouch: {
    words: ["pouch", "toiletry", "dopp kit", "wash bag", "tech organizer", "organizer pouch", "toiletry bag"],
    shadow: [400, 610, 220],
    tilt: 6,
    flip: true,
    draw: (p, v) =>
      rect(190, 300, 420, 290, 50, p.a) +
      rect(190, 300, 420, 60, 0, p.a2, ' rx="30"') +
      line("M220 332H580", p.d, 6) +
      line("M560 332l20 56", p.s, 8) +
      rect(566, 380, 26, 40, 10, v === 1 ? p.b : p.s) +
      rect(190, 480, 420, 24, 0, v === 0 ? p.b : p.a2),
  },
  packingCube: {
    words: ["packing cube", "compression cube", "packing cubes", "packing cube set"],
    shadow: [400, 620, 230],
    tilt: 4,
    flip: true,
    draw: (p, v) =>
      rect(180, 400, 440, 210, 30, p.a) +
      rect(210, 440, 380, 140, 16, p.al, op(0.5)) +
      dashes("M210 510H590", p.a2, 140, "3 12", op(0.35)) +
      line("M200 422H600", p.d, 5) +
      rect(230, 230, 340, 180, 30, v === 1 ? p.c : p.b) +
      rect(256, 268, 288, 114, 14, p.l, op(0.35)) +
      line("M250 252H550", p.d, 5) +
      rect(556, 244, 14, 34, 6, p.s) +
      rect(596, 414, 14, 34, 6, p.s),
  },
  wallet: {
    words: ["wallet", "cardholder", "card holder", "billfold", "purse", "card case", "passport wallet"],
    shadow: [400, 610, 210],
    tilt: 8,
    flip: true,
    draw: (p, v) =>
      rect(220, 286, 360, 280, 26, p.a2) +
      rect(258, 240, 200, 120, 12, v === 1 ? p.c : p.b, rot(-6, 358, 300)) +
      rect(330, 250, 200, 120, 12, p.l, rot(5, 430, 310)) +
      rect(220, 340, 360, 226, 26, p.a) +
      rect(
        236,
        356,
        328,
        194,
        18,
        "none",
        ` stroke="${p.l}" stroke-width="4" stroke-dasharray="10 8"${op(0.55)}`,
      ) +
      rect(490, 420, 110, 70, 24, p.a2) +
      circle(540, 455, 12, p.s),
  },
  travelPillow: {
    words: ["travel pillow", "neck pillow", "pillow"],
    shadow: [400, 626, 200],
    tilt: 8,
    flip: true,
    draw: (p, v) =>
      line("M290 290C170 420 240 580 400 580C560 580 630 420 510 290", p.a, 130) +
      line("M270 330C200 440 260 540 400 540", p.al, 16, op(0.35)) +
      rect(330, 240, 140, 34, 12, v === 1 ? p.b : p.d) +
      circle(470, 257, 10, p.s),
  },
  luggageScale: {
    words: ["luggage scale", "baggage scale", "hanging scale"],
    shadow: [400, 630, 170],
    tilt: 8,
    flip: true,
    draw: (p, v) =>
      line("M400 330V470", p.d, 20) +
      line("M400 470V520a48 48 0 1 1-48 48", p.s2, 16) +
      rect(240, 200, 320, 140, 60, p.a) +
      rect(300, 232, 200, 70, 14, p.d) +
      rect(320, 250, 110, 34, 4, p.w, op(0.85)) +
      circle(468, 267, 12, v === 1 ? p.b : p.l),
  },
  tag: {
    words: ["luggage tag", "bag tag", "name tag"],
    shadow: [400, 610, 200],
    tilt: 8,
    flip: true,
    draw: (p, v) =>
      path("M230 300H520L600 390V580H230Z", p.a) +
      circle(550, 430, 20, p.disc) +
      ellipse(580, 330, 40, 105, "none", ` stroke="${p.d}" stroke-width="8"${rot(15, 580, 330)}`) +
      rect(270, 470, 200, 20, 10, p.l, op(0.8)) +
      rect(270, 510, 140, 20, 10, p.l, op(0.6)) +
      rect(270, 340, 90, 90, 12, v === 1 ? p.b : p.al),
  },
} satisfies Record<string, Motif>;

export type MotifName = keyof typeof MOTIFS;

/** The motif a category's products fall back to when neither name nor tags name a known kind. */
const CATEGORY_DEFAULTS: Record<string, MotifName> = {
  audio: "headphones",
  "home-office": "notebook",
  kitchen: "pot",
  "coffee-tea": "mug",
  outdoor: "tent",
  fitness: "dumbbell",
  "games-toys": "blocks",
  "bags-travel": "backpack",
};

const MOTIF_NAMES = Object.keys(MOTIFS) as MotifName[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One pattern per keyword: whole words, a space or hyphen optional between them, an optional plural. */
const MATCHERS: { motif: MotifName; pattern: RegExp }[] = MOTIF_NAMES.flatMap((motif) =>
  MOTIFS[motif].words.map((word) => ({
    motif,
    pattern: new RegExp(
      `(?<![a-z0-9])${escapeRegExp(word).replace(/[ -]/g, "[ -]?")}(?:s|es)?(?![a-z0-9])`,
      "g",
    ),
  })),
);

/**
 * The motif whose keyword ends last in the text (the head noun of an English product name comes last:
 * "Desk Lamp" is a lamp, "Coffee Grinder" a grinder); ties go to the longer keyword.
 */
function matchMotif(text: string): MotifName | undefined {
  const lower = text.toLowerCase();
  let best: { motif: MotifName; end: number; length: number } | undefined;
  for (const { motif, pattern } of MATCHERS) {
    for (const match of lower.matchAll(pattern)) {
      const end = match.index + match[0].length;
      const length = match[0].length;
      if (!best || end > best.end || (end === best.end && length > best.length)) {
        best = { motif, end, length };
      }
    }
  }
  return best?.motif;
}

/** Name first, then the tags in order, then the category's default. */
export function motifFor(product: Pick<ProductSeed, "name" | "tags">, categorySlug: string): MotifName {
  const fromName = matchMotif(product.name);
  if (fromName) return fromName;
  for (const tag of product.tags) {
    const fromTag = matchMotif(tag);
    if (fromTag) return fromTag;
  }
  // A category without a default (a new one) gets the most neutral picture: a stack of blocks.
  return CATEGORY_DEFAULTS[categorySlug] ?? "blocks";
}

export function renderProductSvg(product: ProductSeed, categorySlug: string): string {
  const hash = createHash("sha256").update(product.slug).digest();
  const p = palette(hash);
  const motif: Motif = MOTIFS[motifFor(product, categorySlug)];
  const variant = hash.readUInt8(9) % 3;
  const tilt = motif.tilt ? (hash.readUInt8(10) % (2 * motif.tilt + 1)) - motif.tilt : 0;
  const flip = motif.flip && hash.readUInt8(11) % 2 === 1;
  const [shadowX, shadowY, shadowR] = motif.shadow;
  const transforms = [tilt ? `rotate(${tilt} 400 400)` : "", flip ? "matrix(-1 0 0 1 800 0)" : ""].filter(
    Boolean,
  );
  const body = motif.draw(p, variant);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800">` +
    rect(0, 0, 800, 800, 0, p.bg) +
    circle(400, 390, 300, p.disc) +
    ellipse(flip ? 800 - shadowX : shadowX, shadowY, shadowR, Math.round(shadowR / 9) + 6, p.d, op(0.13)) +
    (transforms.length ? `<g transform="${transforms.join(" ")}">${body}</g>` : body) +
    "</svg>\n"
  );
}

// --- generation ------------------------------------------------------------------------------------

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function main(): Promise<void> {
  // Loaded here rather than at the top so the renderer can be imported without the catalog.
  const { catalog } = await import("../src/seed/catalog/index.ts");
  const outDir = fileURLToPath(new URL("../assets/products/", import.meta.url));
  mkdirSync(outDir, { recursive: true });

  const wanted = new Set<string>();
  let written = 0;
  let unchanged = 0;
  for (const category of catalog) {
    for (const product of category.products) {
      if (!SLUG.test(product.slug)) {
        throw new Error(`Product slug ${JSON.stringify(product.slug)} is not kebab-case`);
      }
      const file = `${product.slug}.svg`;
      if (wanted.has(file)) throw new Error(`Duplicate product slug ${product.slug}`);
      wanted.add(file);
      const svg = renderProductSvg(product, category.slug);
      const bytes = Buffer.byteLength(svg);
      if (bytes >= MAX_SVG_BYTES) throw new Error(`${file} would be ${bytes} bytes (limit ${MAX_SVG_BYTES})`);
      const target = join(outDir, file);
      if (existsSync(target) && readFileSync(target, "utf8") === svg) {
        unchanged += 1;
      } else {
        writeFileSync(target, svg);
        written += 1;
      }
    }
  }

  let removed = 0;
  for (const file of readdirSync(outDir)) {
    if (file.endsWith(".svg") && !wanted.has(file)) {
      unlinkSync(join(outDir, file));
      removed += 1;
    }
  }
  console.log(
    `Product images in ${outDir}: ${wanted.size} products, ${written} written, ${unchanged} unchanged, ${removed} stale removed.`,
  );
}

if (import.meta.main) {
  await main();
}
