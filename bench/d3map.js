// Benchmark page: the same choropleth as our map view, drawn on a canvas by
// d3-geo + topojson-client, as a newsroom would write it by hand (bench/run.mjs
// drives it; see `make bench`). d3-geo and topojson-client are devDependencies
// of the benchmark only (exact versions in package.json), bundled by
// bench/run.mjs with esbuild --minify into d3map.bundle.js; never shipped.
//
// The same picture as ours: Natural Earth 1:110m from world-atlas
// (countries-110m.json, fetched from the same origin, as ours fetches its
// world-110m.bin), Equal Earth fitted to the width, Antarctica left out; the
// 11 published counts in the same five classes and colours, the 20 affected
// countries without a count hatched (a canvas pattern), every other country in
// the land tone, white borders, a marker for Gibraltar and for countries under
// 64 px² on screen; title, subtitle, class legend and source line; a tooltip
// on hover. Hit-testing: markers within 12 px, then each country's screen
// bounding box, then d3.geoContains at the inverted point.

import { geoContains, geoEqualEarth, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import { campaign } from "./data.js";
import { afterNextFrame, benchIsReady } from "./common.js";
import { redrawMany, timeBatches, timeHitTests, timeRedraws, timeSync, WIDTHS } from "./timing.js";

performance.mark("script-start");
const topo = await (await fetch("countries-110m.json")).json();
performance.mark("module-ready");

const CLASSES = [
  { min: 1, label: "1–9", color: "#d4661a" },
  { min: 10, label: "10–49", color: "#b84a12" },
  { min: 50, label: "50–99", color: "#96330c" },
  { min: 100, label: "100–199", color: "#712008" },
  { min: 200, label: "200+", color: "#4a1003" },
];
const LAND = "#e9ebee";
const HATCH = "#5c5f66";
const TEXT = "#1a1a1a";
const MUTED = "#5c5f66";
const FONT = '"Liberation Sans", Arial, Helvetica, sans-serif';
/** Gibraltar is not in Natural Earth's 1:110m countries: its place (1:10m). */
const GIBRALTAR = [-5.35, 36.14];
const classOf = (v) => CLASSES.findLast((c) => v >= c.min);

const byNumeric = new Map(campaign.countries.filter((c) => c.numeric).map((c) => [String(c.numeric).padStart(3, "0"), c]));
const world = feature(topo, topo.objects.countries);
world.features = world.features.filter((f) => f.id !== "010");
const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
const gibraltar = campaign.countries.find((c) => c.code === "GIB");

const box = document.getElementById("chart-map");
const canvas = box.querySelector("canvas");
const ctx = canvas.getContext("2d");
const tip = box.querySelector(".bench-tip");

/** The hatching: a 6 px tile of the land tone crossed by a diagonal line. */
function hatching() {
  const tile = document.createElement("canvas");
  tile.width = tile.height = 6;
  const t = tile.getContext("2d");
  t.fillStyle = LAND;
  t.fillRect(0, 0, 6, 6);
  t.strokeStyle = HATCH;
  t.lineWidth = 1;
  t.beginPath();
  t.moveTo(0, 6);
  t.lineTo(6, 0);
  t.stroke();
  return ctx.createPattern(tile, "repeat");
}
const pattern = hatching();
const fillOf = (c) => (!c ? LAND : c.count === null ? pattern : classOf(c.count).color);

/** Word-wrapped text from (x, y), `size` px; returns the y below it. */
function text(s, x, y, width, size, color, weight = "normal") {
  ctx.font = `${weight} ${size}px ${FONT}`;
  ctx.fillStyle = color;
  ctx.textBaseline = "top";
  let line = "";
  for (const word of s.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      ctx.fillText(line, x, y);
      y += size * 1.3;
      line = word;
    } else line = next;
  }
  if (line) ctx.fillText(line, x, y);
  return y + size * 1.3;
}

/** What the last draw placed: the projection, the map's top, each country's screen box, the markers. */
let placed = null;

/** Lays out and draws the whole chart at `width` CSS px. */
function draw(width) {
  const dpr = devicePixelRatio || 1;
  const pad = 16;
  const inner = width - 2 * pad;
  const projection = geoEqualEarth().fitWidth(inner, world);
  const measure = geoPath(projection);
  const [[, y0], [, y1]] = measure.bounds(world);
  const mapHeight = Math.ceil(y1 - y0);
  // Heights first (a dry run of the texts would be needed to be exact; fixed lines here).
  const height = pad + 28 + 36 + 28 + mapHeight + 12 + 60;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  let y = text(`${campaign.name}: where the ${campaign.countries.length} affected countries are`, pad, pad, inner, 19, TEXT, "bold");
  y = text(`${campaign.measure[0].toUpperCase()}${campaign.measure.slice(1)} per country, ${campaign.asOf}`, pad, y, inner, 13, MUTED);
  // Legend: the classes, then the two tones.
  let x = pad;
  ctx.font = `12px ${FONT}`;
  ctx.textBaseline = "middle";
  for (const [label, fill] of [...CLASSES.map((c) => [c.label, c.color]), ["affected, count not published", pattern], ["no victims reported", LAND]]) {
    ctx.fillStyle = fill;
    ctx.fillRect(x, y + 4, 12, 12);
    ctx.fillStyle = TEXT;
    ctx.fillText(label, x + 16, y + 10);
    x += 16 + ctx.measureText(label).width + 12;
  }
  const top = y + 28 - y0;
  ctx.save();
  ctx.translate(pad, top);
  const path = geoPath(projection, ctx);
  const countries = [];
  for (const f of world.features) {
    const c = byNumeric.get(f.id);
    ctx.beginPath();
    path(f);
    ctx.fillStyle = fillOf(c);
    ctx.fill();
    if (c) {
      const [[bx0, by0], [bx1, by1]] = measure.bounds(f);
      countries.push({ f, c, box: [bx0 + pad, by0 + top, bx1 + pad, by1 + top], small: measure.area(f) < 64 });
    }
  }
  ctx.beginPath();
  path(borders);
  ctx.strokeStyle = "#fff";
  ctx.lineWidth = 0.5;
  ctx.stroke();
  // Markers: Gibraltar, and countries too small to see.
  const markers = countries.filter((k) => k.small).map((k) => ({ c: k.c, at: measure.centroid(k.f) }));
  if (gibraltar) markers.push({ c: gibraltar, at: projection(GIBRALTAR) });
  for (const m of markers) {
    ctx.beginPath();
    ctx.arc(m.at[0], m.at[1], 6, 0, 2 * Math.PI);
    ctx.fillStyle = "#fff";
    ctx.fill();
    ctx.beginPath();
    ctx.arc(m.at[0], m.at[1], 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = fillOf(m.c);
    ctx.fill();
    ctx.strokeStyle = HATCH;
    ctx.lineWidth = 1;
    if (m.c.count === null) ctx.stroke();
    m.at = [m.at[0] + pad, m.at[1] + top];
  }
  ctx.restore();
  text(`${campaign.barsSourceLine} Map: Natural Earth 1:110m (public domain), Equal Earth projection.`, pad, top + y1 + 12, inner, 11, MUTED);
  placed = { projection, pad, top, countries, markers };
}

/** The affected country at (x, y) CSS px on the canvas, or undefined. */
function hitTest(x, y) {
  let best;
  for (const m of placed.markers) {
    const d = Math.hypot(m.at[0] - x, m.at[1] - y);
    if (d <= 12 && (!best || d < best.d)) best = { d, c: m.c };
  }
  if (best) return best.c;
  const lonLat = placed.projection.invert([x - placed.pad, y - placed.top]);
  if (!lonLat) return undefined;
  for (const k of placed.countries) {
    const [x0, y0, x1, y1] = k.box;
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && geoContains(k.f, lonLat)) return k.c;
  }
  return undefined;
}

/** The tooltip, as a reader sees it on hover. */
function hover(clientX, clientY) {
  const r = canvas.getBoundingClientRect();
  const c = hitTest(clientX - r.left, clientY - r.top);
  if (!c) {
    tip.hidden = true;
    return;
  }
  tip.textContent = c.count === null ? `${c.name}: affected, count not published` : `${c.name}: ${c.count}, almost certainly ${campaign.measure}`;
  tip.style.transform = `translate(${clientX - r.left + 12}px, ${clientY - r.top + 12}px)`;
  tip.hidden = false;
  canvas.style.cursor = "pointer";
}
canvas.addEventListener("pointermove", (e) => hover(e.clientX, e.clientY));

draw(box.clientWidth);
performance.mark("chart-drawn");
await afterNextFrame();
performance.mark("chart-frame");

/**
 * A point of `code`'s shape on screen (CSS px): 3 px inside it every way and,
 * `awayFromMarker`, over 14 px from Gibraltar's marker (which a hit within
 * 12 px selects), scanning its screen box from the bottom; untimed.
 */
function screen(code, awayFromMarker = true) {
  const k = placed.countries.find((x) => x.c.code === code);
  const [x0, y0, x1, y1] = k.box;
  const gib = placed.markers.find((m) => m.c.code === "GIB")?.at;
  const inside = (x, y) => {
    const lonLat = placed.projection.invert([x - placed.pad, y - placed.top]);
    return lonLat && geoContains(k.f, lonLat);
  };
  for (let y = Math.floor(y1) - 3; y > y0; y -= 2) {
    for (let x = Math.ceil(x0) + 3; x < x1; x += 2) {
      if (awayFromMarker && gib && Math.hypot(x - gib[0], y - gib[1]) < 14) continue;
      if ([[0, 0], [3, 0], [-3, 0], [0, 3], [0, -3]].every(([dx, dy]) => inside(x + dx, y + dy))) return [x, y];
    }
  }
  throw new Error(`no point inside ${code}`);
}

window.bench = {
  kind: "d3map",
  views: ["map"],
  wasmBytes: () => 0,

  /** One redraw at a new container width: ms of the synchronous draw (lay out, project, paint). */
  redrawOnce(_view, i) {
    const w = WIDTHS[i % 2];
    box.style.width = `${w}px`;
    const ms = timeSync(() => draw(box.clientWidth));
    if (canvas.style.width !== `${w}px`) throw new Error(`did not redraw at ${w} px: ${canvas.style.width}`);
    return ms;
  },

  /** Checks (untimed) that the last redraw painted Morocco in the top class. */
  checkPainted() {
    const [x, y] = screen("MAR", false);
    const k = canvas.width / parseFloat(canvas.style.width);
    const px = ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data;
    if (`${px[0]},${px[1]},${px[2]}` !== "74,16,3") throw new Error(`the redraw did not paint Morocco: ${[...px]}`);
  },

  redraws(view, n) {
    return timeRedraws(n, { redrawOnce: (i) => this.redrawOnce(view, i), checkPainted: () => this.checkPainted(), box, redraw: () => draw(box.clientWidth) });
  },

  manyRedraws(_view, n) {
    return redrawMany(n, box, () => draw(box.clientWidth));
  },

  /** Hover Morocco, then Brazil: pointermove on the canvas, hit-test, tooltip filled; batches of 20. */
  hovers(batches) {
    const r = canvas.getBoundingClientRect();
    const targets = [["MAR", "Morocco"], ["BRA", "Brazil"]].map(([code, name]) => {
      const [x, y] = screen(code);
      return { name, init: { clientX: r.left + x, clientY: r.top + y, bubbles: true, pointerType: "mouse" } };
    });
    let wrong = null;
    const out = timeBatches(batches, 20, (i) => {
      const t = targets[i % 2];
      canvas.dispatchEvent(new PointerEvent("pointermove", t.init));
      if (tip.hidden || !tip.textContent.startsWith(t.name)) wrong ??= `tooltip shows "${tip.textContent}", expected ${t.name}`;
    });
    tip.hidden = true;
    if (wrong) throw new Error(`hover: ${wrong}`);
    return out;
  },

  /** The hit-test alone: Morocco, Gibraltar's marker's edge, the sea; mean ms per call in batches of 1,000. */
  hitTests(n) {
    const gib = placed.markers.find((m) => m.c.code === "GIB").at;
    const points = [screen("MAR"), [gib[0] + 7, gib[1] + 5], [placed.pad + 5, placed.top + 5]];
    if (hitTest(...points[0])?.code !== "MAR") throw new Error("hitTest does not find Morocco");
    if (hitTest(...points[1])?.code !== "GIB") throw new Error("hitTest does not find Gibraltar's marker");
    return timeHitTests(n, (i) => {
      const p = points[i % 3];
      return hitTest(p[0], p[1]) !== undefined;
    });
  },
};
benchIsReady();
