// The first-paint shell of a careto-viz chart: everything a reader needs
// before the first picture, and nothing else. Start reading here.
//
// shell() gives a build its API: mount() checks the element (here in JS: a
// hostile object never reaches the wasm module), has the module check the
// options (Kernel), builds the chart's figure (figure.js) and draws; the
// chart then follows the page and its reader (listen.js, with page.js for
// what it asks of the page). Everything else (tooltips with their notes and
// sources, keyboard, the data table, downloads, Copy embed code) is the
// interaction layer (interact.js) with the details it shows (the details
// module, or the full build itself): fetched when the browser is idle after
// the first frame, or at once when a reader reaches for it, who meanwhile
// sees a busy cursor and hears "Loading…". A layer that fails to load loses
// nothing: the picture stays, the control says why, the next use retries.
//
// The build entries (article.js, map.js, full.js) bundle this file with their
// wasm glue: scripts/build-wasm.sh, esbuild.

import { L, dress, figure, label, wordsOf } from "./figure.js";
import { listen } from "./listen.js";
import { PRINT_DPR, DARK, ROOMY, contentWidth, el, query, systemColors } from "./page.js";

const PREFIX = "careto-viz: ";
const MOUNTED = "data-careto-viz-mounted";
// The kernel's draw bits (src/web/drawing.rs, Changed).
const PICTURE = 1;
const WORDS = 2;
const WAITING = 4;
const OTHER_LANGUAGE = 8;
const READING = 16;

const fail = (message) => new Error(PREFIX + message);

/** A text of `error` for people, with the prefix once. */
export function messageOf(error) {
  const m = error instanceof Error ? error.message : String(error);
  return m.startsWith(PREFIX) ? m : PREFIX + m;
}

/** Logs `error` once, prefixed once. */
export function report(error) {
  console.error(messageOf(error));
}

/** The empty shadow root of `host`, attached if need be: a chart's figure goes in it. */
function shadowOf(host) {
  let root = host.shadowRoot;
  if (root && root.childElementCount > 0) throw fail("mount: this element already has a shadow root; use an empty <div>");
  if (!root) {
    try {
      root = host.attachShadow({ mode: "open" });
    } catch {
      throw fail("mount: this element cannot hold a chart (it cannot have a shadow root; use a <div>)");
    }
  }
  return root;
}

/**
 * The API of one build: `wasm` what its glue gives (`Kernel`: the wasm
 * Chart; `ready()`: whether init ran; `build`: its file name; in a
 * drawing kernel of one language, `other()`: a promise of the other
 * language's kernel of the same build, its `Kernel` initialised), `details()` a
 * promise of the details provider (see interact.js), and in a build with
 * the map `maps`, the map's part of the shell (world.js), made with the
 * helpers it is given here; in the full build `reads(st)`, which reads on a
 * large campaign a slice at a time (reading.js).
 */
export function shell(wasm, details, maps, reads) {
  const { Kernel, ready, other } = wasm;
  let nextId = 1;
  // The elements holding a chart of this build (a map waiting for its
  // geometry is not marked mounted yet).
  const holding = new WeakSet();
  const map = maps?.({ L, el, report, messageOf });

  // The interaction layer and the details provider, loaded once for every
  // chart of the page (a failed load is forgotten, so the next use retries);
  // then each chart's words in its language (layer.prepare).
  let layer = null;
  let loading = null;
  let prefetchReported = false;
  // A failed load reported once, however many uses and prefetches awaited it.
  const reported = new WeakSet();
  function reportFailure(error, text) {
    if (Object(error) === error) {
      if (reported.has(error)) return;
      reported.add(error);
    }
    report(`${text} (${error instanceof Error ? error.message : error})`);
  }
  // One console error for a failed prefetch, however many charts; a reader's use reports again.
  function prefetchFailed(st, error) {
    if (!prefetchReported) reportFailure(error, st.words.labels[L.loadFailed]);
    prefetchReported = true;
  }
  function loadLayer() {
    loading ??= Promise.all([import("./careto_viz_interact.js"), details()]).then(
      ([module, provider]) => (layer = module.layer(provider, { L, report })),
      (error) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  /** The chart's state; the public Chart below holds it. */
  class State {
    constructor(element, kernel) {
      this.kernel = kernel;
      this.id = nextId++;
      this.ac = new AbortController();
      this.tableOpen = false;
      this.pending = null;
      // Whether the chart has a picture, and who awaits its first (Chart.drawn).
      this.pictured = false;
      this.awaiting = [];
      if (element.localName === "canvas" && element.namespaceURI === "http://www.w3.org/1999/xhtml") {
        this.canvas = element;
        this.host = null;
        this.parts = null;
      } else {
        this.host = element;
        this.canvas = el("canvas", "careto-viz__canvas");
        this.parts = figure(shadowOf(element), this.canvas, this.id);
      }
      this.ctx = this.canvas.getContext("2d");
      if (!this.ctx) throw fail("mount: the canvas has no 2D context (is it already used for WebGL?)");
    }

    /** The interaction layer, once it has arrived (listen.js). */
    get layer() {
      return layer;
    }

    /**
     * Tells the kernel what the page says now: width, pixel ratio, language
     * (only when it changed: no string crosses to the kernel on a redraw),
     * colour scheme.
     */
    place() {
      const around = this.host ?? this.canvas.parentElement;
      const lang = (this.host ?? this.canvas).closest("[lang]")?.getAttribute("lang") ?? "";
      // Printed: the light theme whatever the option, sharp on paper (chart.css
      // scales it to the printed width); also in a page opened straight into
      // print media (a PDF made from its address), where no print event comes.
      const print = this.printing || query("print").matches;
      const dpr = devicePixelRatio || 1;
      this.kernel.place(
        around ? contentWidth(around) : 0,
        print ? Math.max(dpr, PRINT_DPR) : dpr,
        lang === this.langSent ? undefined : (this.langSent = lang),
        print ? undefined : query(DARK).matches,
        print ? undefined : systemColors(),
        // A larger bitmap kept on screen, in the chart's own canvas; exact
        // when printed or exported (interact.js, png), and in a canvas the page gave.
        ROOMY && !print && !this.exact && this.parts !== null,
      );
    }

    /** Draws if anything that decides the picture changed (always, with `force`). */
    draw(force = false) {
      this.place();
      return this.after(this.kernel.draw(this.canvas, this.ctx, force));
    }

    /** Draws, reporting a failure instead of throwing (listeners, frames). */
    redrawQuietly(force = false) {
      // A listener run from a getter the kernel is reading (a resize event it
      // dispatched): the call under way draws anyway.
      if (this.inside) return;
      this.quietly = true;
      try {
        this.draw(force);
      } catch (error) {
        report(error);
        this.emit("error", { message: messageOf(error) });
      } finally {
        this.quietly = false;
      }
    }

    /**
     * Tells the host page: a `careto-viz:<type>` CustomEvent on the element
     * the chart was mounted in, bubbling (README, "Events for the host page").
     */
    emit(type, detail) {
      (this.host ?? this.canvas).dispatchEvent(new CustomEvent(`careto-viz:${type}`, { detail: { view: this.words?.view, ...detail }, bubbles: true }));
    }

    /** After a draw: the DOM's words follow the picture's (only when they changed). */
    after(changed) {
      if (changed & PICTURE) this.painted();
      if (changed & WORDS) this.newWords();
      if (changed & (WAITING | OTHER_LANGUAGE | READING)) this.waitFor(changed);
      return changed;
    }

    /** The kernel's words changed: the DOM follows. */
    newWords() {
      const w = (this.words = wordsOf(this.kernel));
      this.canvas.setAttribute("aria-label", w.title);
      if (!this.parts) return;
      dress(this, w);
      this.tableFor = null;
      if (w.static) return;
      if (layer?.ready(this)) this.toLayer();
      // Another language: its words come first (the table waits for them).
      else if (layer) this.bring().then(() => this.arrived(), () => {});
    }

    /** A map whose geometry has not arrived: the map's part of the shell brings it, then draws. */
    waitFor(changed) {
      // A listener's redraw (a resize, the theme) does not fetch again a geometry that failed.
      if (changed & WAITING) map?.wait(this, this.quietly);
      if (changed & OTHER_LANGUAGE) this.relang();
      if (changed & READING) reads?.(this);
    }

    /** The options the chart has now (a drawing kernel of one language: the other's kernel starts from them). */
    remember(options) {
      if (!other) return;
      const own = {};
      try {
        for (const key of Object.keys(options)) if (options[key] != null) own[key] = options[key];
      } catch {
        // The kernel read them: a getter that throws now keeps the last ones.
      }
      this.options = { ...this.options, ...own };
    }

    /**
     * A chart in the language the other kernel of this build draws (this
     * one draws only its own, src/i18n.rs): handed to that kernel, fetched once
     * per page, with the options it has; busy meanwhile, the picture on
     * screen kept. If it cannot come, the chart says so; the next update,
     * redraw or mount tries again (not a listener's redraw: a resize, the theme).
     */
    relang() {
      if (this.relanging || (this.quietly && this.langFailed)) return;
      this.langFailed = false;
      this.canvas.style.cursor = "progress";
      // Two kernels, one per language: the chart goes to the one it is not in.
      this.relanging = (this.kernel instanceof Kernel ? other() : Promise.resolve(Kernel))
        .then((Other) => {
          if (this.ac.signal.aborted) return;
          const kernel = new Other(this.options);
          // The new kernel is told the page's language at its first draw.
          this.langSent = undefined;
          // The keyboard focus stays on its item (the same view has the same items).
          const focus = this.kernel.focus;
          this.kernel.free();
          this.kernel = kernel;
          this.canvas.style.cursor = "";
          if (this.parts) this.parts.status.textContent = "";
          this.redrawQuietly(true);
          if (focus >= 0) {
            kernel.focus = focus;
            if (kernel.focus === focus) this.redrawQuietly();
          }
        })
        .catch((error) => {
          this.langFailed = true;
          this.canvas.style.cursor = "";
          if (this.words) this.failed(error, L.langFailed);
          else report(error);
          this.notDrawn(error);
        })
        .finally(() => (this.relanging = null));
    }

    /** A picture is on the canvas: the element is marked, whoever awaited it is told. */
    painted() {
      // Whoever awaits a picture (the first, one in another language:
      // relang, or of a campaign being read) has it.
      if (!this.readingOn && this.awaiting.length) for (const [resolve] of this.awaiting.splice(0)) resolve();
      if (!this.pictured) {
        this.pictured = true;
        (this.host ?? this.canvas).setAttribute(MOUNTED, "");
        // The first picture (a map's, once its geometry came): after mount
        // returns, so that a listener added right after it hears it.
        queueMicrotask(() => this.ac.signal.aborted || this.emit("ready", { lang: this.words.lang }));
      }
      // A tooltip shown follows the new picture (interact.js).
      layer?.repainted?.(this);
      map?.painted(this);
    }

    /** A promise of the chart's picture (see Chart.drawn). */
    drawn() {
      if (this.pictured && !this.relanging && !this.readingOn) return Promise.resolve();
      // No picture, none coming: the campaign it was mounted with was refused (reading.js).
      if (this.refused && !this.pictured && !this.readingOn) return Promise.reject(this.refused);
      return new Promise((resolve, reject) => this.awaiting.push([resolve, reject]));
    }

    /** The picture could not be made (a map's geometry did not come): those awaiting it are told why. */
    notDrawn(error) {
      for (const [, reject] of this.awaiting.splice(0)) reject(error);
    }

    /** The controls' labels in the chart's words (interact.js, when the table opens or closes). */
    setLabels() {
      label(this);
    }

    /** The layer and this chart's words, loaded if need be (one request at a time). */
    bring() {
      this.bringing ??= loadLayer()
        .then((l) => l.prepare(this))
        .finally(() => (this.bringing = null));
      return this.bringing;
    }

    /** Runs `use(layer)` now, or once the layer and this chart's words have arrived (busy meanwhile). */
    use(use) {
      // A chart with nothing drawn yet (its campaign being read) has nothing to use.
      if (this.words?.static !== false) return;
      if (layer?.ready(this)) return use(layer);
      this.pending = use;
      this.waiting = true;
      this.busy(true);
      this.bring().then(() => this.arrived(), (error) => this.failed(error));
    }

    /** Hands the chart's current words to the layer, once per change of them (a prefetch and a use may both arrive). */
    toLayer() {
      if (this.handed === this.words) return;
      this.handed = this.words;
      layer.words(this);
    }

    /** The layer is here: its first job is the table; then what a reader asked for. */
    arrived() {
      if (this.ac.signal.aborted) return;
      if (this.waiting) this.busy(false);
      this.waiting = false;
      if (this.parts) this.parts.status.textContent = "";
      this.toLayer();
      const pending = this.pending;
      this.pending = null;
      if (pending) pending(layer);
    }

    /** The layer (`label`: or another part) could not be loaded: the control says why, in the chart's language; the console once. */
    failed(error, label = L.loadFailed) {
      if (this.ac.signal.aborted) return;
      this.busy(false);
      this.waiting = false;
      this.pending = null;
      const text = this.words.labels[label];
      if (this.parts) {
        this.parts.status.textContent = text;
        this.parts.live.textContent = text;
      }
      reportFailure(error, text);
      this.emit("error", { message: messageOf(`${text} (${error instanceof Error ? error.message : error})`) });
    }

    busy(on) {
      this.canvas.style.cursor = on ? "progress" : "";
      if (!this.parts) return;
      const word = this.words.labels[L.loading];
      if (on) this.parts.live.textContent = word;
      else if (this.parts.live.textContent === word) this.parts.live.textContent = "";
    }

    destroy() {
      this.ac.abort();
      this.observer?.disconnect();
      cancelAnimationFrame(this.resizeFrame);
      layer?.forget(this);
      map?.forget(this);
      holding.delete(this.host ?? this.canvas);
      this.notDrawn(destroyed());
      const around = this.host ?? this.canvas;
      around.removeAttribute(MOUNTED);
      around.removeAttribute("aria-busy");
      if (this.parts) this.parts.root.replaceChildren();
      this.kernel.free();
    }

    /**
     * Runs `call`, in which the kernel reads the host's options or campaign:
     * their getters run inside it. A getter that calls back into this chart
     * (update, redraw, focus) is refused with a message saying so, and one
     * that destroys it has it destroyed once the call is over: the kernel,
     * busy reading, is never freed or entered twice under it.
     */
    reading(call) {
      this.inside = true;
      try {
        return call();
      } finally {
        this.inside = false;
        if (this.doomed) this.destroy();
      }
    }
  }

  const states = new WeakMap();
  const destroyed = () => fail("this chart was destroyed; mount a new one");
  /** The state of `chart` for its method `what`; throws when it was destroyed or is reading its options. */
  const live = (chart, what) => {
    const st = states.get(chart);
    if (!st) throw destroyed();
    if (st.inside) throw fail(`${what}: called while this chart reads its options (from a getter?)`);
    return st;
  };
  /** The kernel of `chart` for a question (hitTest, barRect…) whose arguments are `fit`: none while destroyed or reading. */
  const asked = (chart, fit) => {
    const st = states.get(chart);
    return fit && st && !st.inside ? st.kernel : undefined;
  };

  /** A chart mounted in the page (see careto_viz.d.ts). */
  class Chart {
    /** Changes options (any subset) and redraws; on a bad option nothing changes. */
    update(options) {
      const st = live(this, "update");
      st.reading(() => {
        st.place();
        const changed = st.kernel.update(options, st.canvas, st.ctx);
        st.remember(options);
        st.after(changed);
      });
    }
    /** Measures the container again and redraws. */
    redraw() {
      live(this, "redraw").draw(true);
    }
    /** Removes the chart's DOM and listeners and frees it. */
    destroy() {
      const st = states.get(this);
      if (!st) return;
      states.delete(this);
      // From a getter the chart's kernel is reading: once it is done (State.reading).
      if (st.inside) st.doomed = true;
      else st.destroy();
    }
    /**
     * Focuses the item `id` (a country's ISO code, an event's id), its
     * details open and said once, as a link to it does; an id the chart
     * does not have is ignored with one console warning.
     */
    focus(id) {
      const st = live(this, "focus");
      // Converted by nobody: a host's toString would run later, outside any try.
      if (typeof id != "string") throw fail('focus: expected an id, a string such as "MAR"');
      st.use((l) => {
        if (!st.parts || l.focusId(st, id)) return;
        console.warn(`${PREFIX}no item "${id.slice(0, 40)}" in this ${st.words.view} chart; the link's focus is ignored`);
      });
    }
    /** Clears the focus that `focus` or the keyboard set (the ring and the details). */
    clearFocus() {
      const st = live(this, "clearFocus");
      st.selectedId = undefined;
      if (!st.words) return;
      if (layer?.ready(st)) layer.blur(st);
      else {
        st.kernel.focus = -1;
        st.redrawQuietly();
      }
    }
    /** What is under (x, y) CSS px: "country:MAR", "event:<id>", "period" or undefined. */
    // The questions take numbers and strings only, as they are: anything
    // else would be converted by the glue, running the host's valueOf or
    // toString inside the call (which may destroy the chart under it).
    hitTest(x, y) {
      return asked(this, typeof x == "number" && typeof y == "number")?.hitTest(x, y);
    }
    /** The bar of country `code` as [x, y, width, height] CSS px. */
    barRect(code) {
      return asked(this, typeof code == "string")?.barRect(code);
    }
    /** The fill colour (#rrggbb) of the country's bar, or of its shape on the map. */
    barColor(code) {
      return asked(this, typeof code == "string")?.barColor(code);
    }
    /** A point [x, y] CSS px on the place with ISO code `code` (builds with the map). */
    pointOf(code) {
      return asked(this, typeof code == "string")?.pointOf?.(code);
    }
    /**
     * A promise of the chart's picture: at once, or a map's once its
     * geometry has arrived, or, after a switch to the other language, once
     * that language's kernel has drawn it (rejected if it could not come).
     */
    drawn() {
      const st = states.get(this);
      return st ? st.drawn() : Promise.reject(destroyed());
    }
    /** The canvas the chart draws on. */
    get canvas() {
      return states.get(this)?.canvas;
    }
  }

  /** Mounts a chart into `element` (a container element, or a <canvas>). */
  function mount(element, options) {
    if (!ready()) throw fail(`mount: the module is not initialised: await init() (the default export of ${wasm.build}) first, in a browser, or call initSync({ module })`);
    if (element === undefined || element === null) throw fail("mount: no element given (is the selector right?)");
    let holds;
    let elsewhere;
    try {
      // The browser's own method: anything but a genuine element throws here.
      holds = Element.prototype.hasAttribute.call(element, MOUNTED);
      elsewhere = element.ownerDocument !== document;
    } catch {
      throw fail("mount: the first argument is not a DOM element");
    }
    // A frame's element (a CMS's editor in a same-origin iframe): its document
    // takes no stylesheet constructed here, and its media queries are its own.
    if (elsewhere) throw fail("mount: this element is in another document (a frame's?); mount it from a script of that document");
    if (holds || holding.has(element)) throw fail("mount: this element already holds a chart; destroy it first");
    const kernel = new Kernel(options);
    let st;
    try {
      st = new State(element, kernel);
      st.remember(options);
      st.draw(true);
    } catch (error) {
      // The first failure is the one to report: a failure that left the
      // kernel borrowed makes freeing it throw too ("attempted to take
      // ownership of Rust value while it was borrowed"), which must not
      // hide the cause. (Seen once in WebKit, with the cause lost so.)
      try {
        if (st) st.destroy();
        else kernel.free();
      } catch {
        // The kernel stays unfreed: a small leak, against a hidden cause.
      }
      throw error;
    }
    holding.add(element);
    listen(st, prefetchFailed);
    const chart = new Chart();
    states.set(chart, st);
    return chart;
  }

  return { mount, Chart };
}
