// How a mounted chart follows the page and its reader: the listeners, all
// registered with the chart's one AbortController (destroy aborts them).
// The page: the window's size and the container's (ResizeObserver), the
// colour scheme, forced colours, print, a move to a screen with another
// pixel ratio. The reader: pointer, keyboard and the controls' buttons,
// handed to the interaction layer, which is fetched at once when a reader
// reaches for it, or when the browser is idle after the first picture.

import { DARK, FORCED, afterFrame, clipboardLater, forgetSystemColors, query } from "./page.js";

/**
 * Listens for the chart `st` (a State of core.js; `st.layer` is the
 * interaction layer once it has arrived); `prefetchFailed(st, error)` is
 * told when fetching the layer after the first picture failed.
 */
export function listen(st, prefetchFailed) {
  const signal = st.ac.signal;
  const on = (target, type, f, options = {}) => target.addEventListener(type, f, { ...options, signal });
  const c = st.canvas;
  on(window, "resize", () => st.redrawQuietly());
  on(query(DARK), "change", () => st.redrawQuietly());
  on(query(FORCED), "change", () => {
    forgetSystemColors();
    st.redrawQuietly();
  });
  // Printing: drawn again for paper before, and for the screen after.
  // The print media query's change comes once the page is laid out for
  // paper (where a browser tells it), so the chart is then drawn at the printed width.
  const print = (on) => {
    st.printing = on;
    st.redrawQuietly();
  };
  on(window, "beforeprint", () => print(true));
  on(window, "afterprint", () => print(false));
  on(query("print"), "change", (e) => print(e.matches));
  // A move to a screen with another pixel ratio (no resize event): a
  // query for the current ratio, set again after each change.
  const watchRatio = () => {
    if (signal.aborted) return;
    matchMedia(`(resolution: ${devicePixelRatio}dppx)`).addEventListener("change", () => {
      st.redrawQuietly();
      watchRatio();
    }, { once: true, signal });
  };
  watchRatio();
  if (st.host) {
    // The redraw waits for the next frame: drawn in the observer's
    // callback, a new width gives the host a new height at once, which
    // every engine reports as an error event on the page ("ResizeObserver
    // loop completed with undelivered notifications"; a newsroom's error
    // monitoring would log it on every resize).
    st.observer = new ResizeObserver(() => {
      st.resizeFrame ||= requestAnimationFrame(() => {
        st.resizeFrame = 0;
        if (!signal.aborted) st.redrawQuietly();
      });
    });
    st.observer.observe(st.host);
  }
  if (!st.parts) return;
  const p = st.parts;
  const pointer = (e) => {
    // Nothing drawn yet (a campaign being read), or a static chart: nothing to point at.
    if (st.words?.static !== false) return;
    // Where the pointer is on the chart as it was laid out (CSS px, as
    // the canvas's style says): not offsetX, which is in the size shown,
    // another under a host's CSS `zoom` (Chromium) or in a box narrower
    // than the chart's least width.
    const r = c.getBoundingClientRect();
    const at = {
      type: e.type,
      offsetX: ((e.clientX - r.left) * parseFloat(c.style.width)) / r.width,
      offsetY: ((e.clientY - r.top) * parseFloat(c.style.height)) / r.height,
      clientX: e.clientX,
      clientY: e.clientY,
      pointerType: e.pointerType,
    };
    if (st.layer?.ready(st)) return st.layer.pointer(st, at);
    // Before the layer: a busy cursor over an item, and the layer on its way.
    if (st.kernel.hit(at.offsetX, at.offsetY) === undefined) return;
    st.use((l) => l.pointer(st, at));
  };
  on(c, "pointermove", pointer);
  on(c, "pointerdown", pointer);
  on(c, "pointerleave", (e) => st.layer?.leave(st, e));
  on(c, "keydown", (e) => {
    if (e.key === "Escape") return st.layer?.key(st, e.key);
    if (!["ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft", "Home", "End", "Enter", " "].includes(e.key)) return;
    e.preventDefault();
    const key = e.key;
    st.use((l) => l.key(st, key));
  });
  on(c, "blur", () => st.layer?.blur(st));
  on(p.show, "click", () => st.use((l) => l.toggleTable(st)));
  on(p.png, "click", () => st.use((l) => l.png(st)));
  on(p.csv, "click", () => st.use((l) => l.csv(st)));
  on(p.embed, "click", () => {
    if (st.layer?.ready(st)) return st.layer.copy(st);
    // Safari (WebKit) lets a page write to the clipboard only during the
    // click itself, not when the layer has arrived later: the write
    // starts now, with its text to come (a ClipboardItem of a promise).
    const later = clipboardLater();
    st.use((l) => l.copy(st, later));
  });
  // The layer comes when the browser is idle after the chart's first
  // picture: a map's, once its geometry came, so that the layer never
  // competes with the geometry for the map's first frame (or after the
  // geometry failed: the reader still gets the table).
  // A chart destroyed before its first picture schedules nothing: a
  // pending frame callback would hold the chart and its DOM until it ran.
  const prefetch = () =>
    signal.aborted ||
    afterFrame(() => {
      if (signal.aborted || st.words?.static !== false) return;
      st.bring().then(
        () => st.arrived(),
        (error) => prefetchFailed(st, error),
      );
    });
  st.drawn().then(prefetch, prefetch);
}
