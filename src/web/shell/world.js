// The map's part of the shell (builds with the map: map.js, full.js): the
// geometry, fetched once per page however many maps, and each map chart's
// state until it has arrived.
//
// - The geometry (world-110m.bin, next to the build's module: same origin)
//   is fetched once per page: when the map build loads (map.js, which only
//   map charts load), or before, with its script, by the page's loader
//   (www/careto-viz-loader.js, `prefetchGeometry`, which puts its download
//   under the same key); in the full build when the first map chart needs it,
//   never before; and handed to the kernel once (`setWorld`: decoded into
//   the world every map chart of the module shares). A failed fetch or
//   decode is forgotten, so the next use fetches again.
// - A map chart without its geometry is busy: `aria-busy` on its element at
//   once (and, before its first picture, neither an empty canvas nor its
//   buttons); "Loading the map…" in its language, in the space reserved for
//   it (careto-viz.css) when the page reserved one, only if the geometry
//   has not come within NOTE_AFTER_MS, so that a download about to end never
//   flashes the note (nor costs its layout). A chart that already has a
//   picture (an update to the map) keeps it meanwhile, with a busy cursor.
//   When the geometry arrives, every chart waiting for it draws.
//   A map mounted once its bytes have arrived (the usual case: their
//   download starts with the build's script, and the .wasm is larger) is
//   handed them and drawn in the same task, with no busy state at all.
// - A failure leaves a message inside the chart's element, in its language,
//   with a "Try again" button; nothing else on the page is touched; the
//   console gets one error per failure. Try again, another map's mount, an
//   update or a redraw fetch again, and every chart still waiting draws
//   when the geometry comes.

import css from "careto-viz-world-css";
import { fetchAsPreloaded } from "./entry.js";

/** How long a map waits for its geometry before it says "Loading the map…" (a reader notices a wait from about a third of a second). */
const NOTE_AFTER_MS = 300;

/** The page's geometry downloads, by address, shared by the map kernels of every language (a registered symbol: one key whichever bundle asks). */
const GEOMETRY = Symbol.for("careto-viz.geometry");

/**
 * The map's part of the shell for a build whose glue gives `setWorld`; the
 * geometry is at `url`. Returns the function the shell calls with its
 * helpers ({ L, el, report, messageOf }); its `load()` brings the geometry into the
 * kernel, for the other language's kernel that a map is handed to, and
 * its `prefetch()` starts the download before a chart asks (map.js).
 */
export function worldOf(url, setWorld) {
  let loading = null;
  // The bytes of the download below once they have arrived (whoever started
  // it: this module, or the page's loader before it), so that a map mounted
  // after they came gets its geometry at once, with no busy state between.
  let arrived = null;
  let watched = null;
  /** The page's downloads of geometry, by address. */
  const downloads = () => (globalThis[GEOMETRY] ??= new Map());
  /**
   * A promise of the geometry's bytes, fetched once per page however many
   * map kernels (one per language) hand it over; a failure stays until
   * load() forgets it.
   */
  function fetched() {
    const all = downloads();
    if (!all.has(url)) {
      const bytes = fetchAsPreloaded(url).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      });
      // Reported by load(), when a chart needs it: not as an unhandled rejection.
      bytes.catch(() => {});
      all.set(url, bytes);
    }
    const bytes = all.get(url);
    if (watched !== bytes) {
      watched = bytes;
      arrived = null;
      bytes.then((b) => watched === bytes && (arrived = b), () => {});
    }
    return bytes;
  }
  /**
   * Hands the geometry to the kernel now if its bytes have arrived and no
   * load is under way; whether it did. A failure (a corrupt file) is left to
   * load(), which reports it and forgets the bytes.
   */
  function loadNow() {
    if (loading || !arrived) return false;
    try {
      setWorld(new Uint8Array(arrived));
    } catch {
      return false;
    }
    loading = Promise.resolve();
    return true;
  }
  /** The geometry, fetched and handed to the kernel once; a failure is forgotten. */
  function load() {
    loading ??= fetched()
      .then((bytes) => setWorld(new Uint8Array(bytes)))
      .catch((error) => {
        // Forgotten, bytes and all (a corrupt file too): the next try fetches again.
        loading = null;
        arrived = watched = null;
        downloads().delete(url);
        const why = error instanceof Error ? error.message.replace(/^careto-viz: /, "") : String(error);
        throw new Error(`careto-viz: the map's geometry could not be loaded from ${url} (${why})`);
      });
    return loading;
  }

  const part = ({ L, el, report, messageOf }) => {
    let sheet;
    /** The charts waiting for the geometry (and those it failed, until they draw). */
    const waiting = new Set();
    const reported = new WeakSet();

    /** The map's stylesheet in the chart's shadow root, adopted once. */
    function styled(p) {
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(css);
      if (!p.root.adoptedStyleSheets.includes(sheet)) p.root.adoptedStyleSheets = [...p.root.adoptedStyleSheets, sheet];
    }

    /** The chart's note (the busy word, then the failure and Try again), made once. */
    function note(st) {
      const p = st.parts;
      if (p.note) return p;
      styled(p);
      p.note = el("div", "cv-note");
      p.noteText = el("p");
      p.retry = el("button", "", { type: "button" });
      p.retry.hidden = true;
      p.retry.addEventListener("click", () => wait(st), { signal: st.ac.signal });
      p.note.append(p.noteText, p.retry);
      p.figure.prepend(p.note);
      return p;
    }

    /** The charts whose note waits for NOTE_AFTER_MS, and its timer. */
    const notes = new Map();
    function noteLater(st) {
      if (!notes.has(st)) notes.set(st, setTimeout(() => waiting.has(st) && !st.ac.signal.aborted && show(st, "loading"), NOTE_AFTER_MS));
    }
    function noNoteLater(st) {
      clearTimeout(notes.get(st));
      notes.delete(st);
    }

    /**
     * The chart waits for the geometry: busy at once; its note at once if one
     * is up (Try again after a failure), else after NOTE_AFTER_MS.
     */
    function busy(st) {
      const p = st.parts;
      if (p?.note && !p.note.hidden) return show(st, "loading");
      (st.host ?? st.canvas).setAttribute("aria-busy", "true");
      if (st.pictured) st.canvas.style.cursor = "progress";
      if (!p) return;
      if (!st.pictured) {
        // Nothing to show yet: no empty canvas, no buttons (world.css, .cv-wait).
        styled(p);
        p.figure.classList.add("cv-wait");
      }
      noteLater(st);
    }

    /** Shows the chart's state: "loading" or "failed". */
    function show(st, state) {
      noNoteLater(st);
      const element = st.host ?? st.canvas;
      const t = st.words.labels;
      const text = state === "loading" ? t[L.mapLoading] : `${t[L.mapFailed]} ${t[L.retry]}.`;
      element.setAttribute("aria-busy", String(state === "loading"));
      if (st.pictured) st.canvas.style.cursor = state === "loading" ? "progress" : "";
      if (!st.parts) return;
      const p = note(st);
      p.note.hidden = false;
      p.noteText.textContent = state === "loading" ? text : t[L.mapFailed];
      p.noteText.setAttribute("role", state === "loading" ? "status" : "alert");
      p.retry.hidden = state === "loading";
      p.retry.textContent = t[L.retry];
      p.live.textContent = text;
      if (st.pictured) return;
      // No picture yet: the note alone, over the height the page reserved for the
      // chart while it loads (in the flow when none was, or when it failed).
      p.figure.classList.add("cv-wait");
      p.figure.classList.toggle("cv-over", state === "loading");
      if (state === "loading" && st.host.getBoundingClientRect().height === 0) p.figure.classList.remove("cv-over");
    }

    function clear(st) {
      noNoteLater(st);
      (st.host ?? st.canvas).removeAttribute("aria-busy");
      st.canvas.style.cursor = "";
      const p = st.parts;
      p?.figure.classList.remove("cv-wait", "cv-over");
      if (!p?.note) return;
      p.note.hidden = true;
      if (p.live.textContent === p.noteText.textContent || p.live.textContent.startsWith(p.noteText.textContent)) p.live.textContent = "";
    }

    /** The charts whose geometry failed, until Try again, an update or another mount. */
    const failed = new WeakSet();

    /**
     * Brings the geometry for `st` (shared by every chart waiting), then draws
     * every chart waiting; `quietly` (a listener's redraw: a resize, the
     * theme), a chart whose geometry failed keeps its message and fetches
     * nothing: the note's own arrival resizes the element.
     */
    function wait(st, quietly = false) {
      if (st.ac.signal.aborted) return;
      if (quietly && failed.has(st)) return;
      failed.delete(st);
      // The bytes came before the map asked (their download starts with the
      // build's script): drawn now, in the same task, no busy state shown.
      if (loadNow()) {
        st.redrawQuietly(true);
        return;
      }
      waiting.add(st);
      busy(st);
      const started = !loading;
      const done = load();
      if (!started) return;
      done.then(
        () => {
          for (const c of [...waiting]) {
            waiting.delete(c);
            if (!c.ac.signal.aborted) c.redrawQuietly(true);
          }
        },
        (error) => {
          for (const c of waiting) {
            failed.add(c);
            show(c, "failed");
            c.notDrawn(error);
            // The host page hears of it as of any part that failed to load
            // (core.js, failed): the chart's words, then the cause without
            // its "careto-viz: " (12 characters).
            c.emit("error", { message: messageOf(`${c.words.labels[L.mapFailed]} (${messageOf(error).slice(12)})`) });
          }
          if (!reported.has(error)) {
            reported.add(error);
            report(error);
          }
        },
      );
    }

    /**
     * Strokes the outline of the country that `key` names (as the kernel's
     * `hit` gives them; none: clears it) on a canvas over the map's: the
     * shape a pointer is on, and its tooltip about, in the world and in the
     * inset, its marker ringed (the kernel's `outline`: src/layout/map/mod.rs,
     * MapLayout::outline). The map is not drawn again. In the text's
     * colour, 2 px wide.
     */
    function outline(st, key) {
      const p = st.parts;
      let c = p?.outline;
      // Nothing to outline: the canvas emptied, its bitmap freed (no width),
      // not sized again with every redraw.
      if (key == null) return void (c && (c.width = 0));
      if (!c) {
        if (!p) return;
        styled(p);
        c = p.outline = el("canvas", "cv-outline", { "aria-hidden": "true" });
        st.canvas.after(c);
      }
      const { canvas: from, kernel: k } = st;
      const [w, h, d] = [from.clientWidth, from.clientHeight, devicePixelRatio || 1];
      const s = c.style;
      [s.left, s.top, s.width, s.height] = [from.offsetLeft, from.offsetTop, w, h].map((v) => `${v}px`);
      // A bitmap as large as the map's: made again only for a new size.
      const [bw, bh] = [Math.floor(w * d), Math.floor(h * d)];
      if (c.width !== bw || c.height !== bh) [c.width, c.height] = [bw, bh];
      const g = c.getContext("2d");
      g.setTransform(d, 0, 0, d, 0, 0);
      g.clearRect(0, 0, w, h);
      g.lineWidth = 2;
      g.lineJoin = "round";
      g.strokeStyle = st.words.colors[1];
      for (let i = 0; i < k.itemCount; i++) if (k.item(i)[4] === key) k.outline(i, g);
    }

    return {
      wait,
      /** The chart has a picture: its busy or failed state goes; the outline follows it. */
      painted(st) {
        // The interaction layer outlines the country whose tooltip it shows
        // (interact.js, showTip); a new picture (a new width) moves it.
        st.outline ??= (key) => outline(st, key);
        outline(st, st.tipKey);
        failed.delete(st);
        if (!waiting.delete(st) && !st.parts?.note && !(st.host ?? st.canvas).hasAttribute("aria-busy")) return;
        clear(st);
      },
      forget(st) {
        waiting.delete(st);
        failed.delete(st);
        noNoteLater(st);
      },
    };
  };
  // The geometry, for the kernel of the other language (map.js, loadWorld).
  part.load = load;
  // Its download started before any chart asks (map.js: a build for map charts only).
  part.prefetch = fetched;
  return part;
}
