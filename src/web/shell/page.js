// What the shell asks of the page: the chart's stylesheet, the media
// queries it follows (colour scheme, forced colours, print), the system
// colours of forced-colors mode, the container's content width, a frame
// and an idle moment, a clipboard write, and new elements. No chart state:
// core.js and listen.js hold that.

import css from "careto-viz-css";

let sheet;
/** The chart's stylesheet, constructed once per page (no inline style under CSP). */
export function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** Runs `f` after the next frame, when the browser is idle (or 1 s at most). */
export function afterFrame(f) {
  requestAnimationFrame(() => (self.requestIdleCallback ?? ((g) => setTimeout(g, 1)))(f, { timeout: 1000 }));
}

/**
 * A clipboard write started now whose text comes later: { written, give(text) },
 * or null where the clipboard cannot take one.
 */
export function clipboardLater() {
  let give;
  const text = new Promise((resolve) => (give = resolve));
  try {
    const item = new ClipboardItem({ "text/plain": text.then((t) => new Blob([t], { type: "text/plain" })) });
    return { written: navigator.clipboard.write([item]), give };
  } catch {
    return null;
  }
}

export const DARK = "(prefers-color-scheme: dark)";
export const FORCED = "(forced-colors: active)";
let queries;
/**
 * The list of media query `q` (DARK, FORCED, "print"), made once per page:
 * read on every redraw (`.matches`), listened to by every chart (listen.js).
 */
export function query(q) {
  queries ??= new Map();
  if (!queries.has(q)) queries.set(q, matchMedia(q));
  return queries.get(q);
}
/** Device pixels per CSS px of a printed chart: sharp on paper whatever the screen. */
export const PRINT_DPR = 4;
/**
 * Whether a canvas can show the top-left part of a larger bitmap (CSS
 * object-view-box: Chromium): then a redraw at a new width keeps a bitmap
 * that is large enough rather than reallocating it (src/web/hidpi.rs).
 */
export const ROOMY = globalThis.CSS?.supports?.("object-view-box", "inset(0px)") === true;

let system;
/**
 * The system colours of forced-colors mode as the page resolves them
 * (CanvasText, Canvas, Highlight, GrayText: four numbers 0xRRGGBB),
 * read once per change of the mode; undefined outside it. The canvas is the
 * one thing the browser cannot recolour, so the kernel draws in these.
 */
export function systemColors() {
  if (!query(FORCED).matches) return (system = undefined);
  if (system) return system;
  const probe = document.createElement("span");
  // Forced colours would replace a colour set here with CanvasText: not on the probe.
  probe.style.setProperty("forced-color-adjust", "none");
  document.documentElement.append(probe);
  const numbers = ["CanvasText", "Canvas", "Highlight", "GrayText"].map((name) => {
    probe.style.color = name;
    const rgb = getComputedStyle(probe).color.match(/[\d.]+/g) ?? [];
    return [0, 1, 2].reduce((n, i) => n * 256 + (Math.round(Number(rgb[i])) & 255), 0);
  });
  probe.remove();
  return (system = new Uint32Array(numbers));
}

/** Forgets the system colours read last (forced-colors mode changed: they are read again). */
export function forgetSystemColors() {
  system = undefined;
}

/**
 * The width of `e`'s content box, less the padding a CMS theme may give it,
 * unrounded: the kernel floors it, as careto-viz.css's container queries do
 * (clientWidth rounds: a 479.5 px column would be drawn 480 px wide, and
 * taller or shorter than the space reserved for it).
 */
export function contentWidth(e) {
  const s = getComputedStyle(e);
  const px = (v) => parseFloat(v) || 0;
  const width = parseFloat(s.width);
  // "auto" (no box): clientWidth, which counts the padding.
  if (Number.isNaN(width)) return e.clientWidth - px(s.paddingLeft) - px(s.paddingRight);
  return s.boxSizing === "border-box" ? width - px(s.paddingLeft) - px(s.paddingRight) - px(s.borderLeftWidth) - px(s.borderRightWidth) : width;
}

/** A new element `tag` with its class and attributes. */
export const el = (tag, className, attributes = {}) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  return e;
};
