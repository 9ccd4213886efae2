// The types of careto-viz's entry modules: careto_viz.js (the article
// build), careto_viz_map.js (the map build: the map only, its default view),
// careto_viz_full.js (the full build, which draws the map too; the npm
// package's main export) and everything they export. Written by hand next to
// the JS shell (src/web/shell/); scripts/build-wasm.sh copies it next to each
// entry, leaving out what lies between "full build only" markers for the
// builds that cannot read a campaign of one's own (article, map). The
// campaign types follow campaign.schema.json field for field, as
// src/web/campaign.rs reads them; tests/page/types.test.mjs checks both, with
// TypeScript's default settings (`tsc --strict`, no --lib).

/** What `init` takes: where the `.wasm` is, or its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Fetches and instantiates the module (the `_bg.wasm` next to this file, by
 * default). Call it once, in a browser, before `mount`.
 */
export default function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<unknown>;

/** `init` for a module at hand (bytes or a `WebAssembly.Module`), synchronously. */
export function initSync(options: { module: BufferSource | WebAssembly.Module }): unknown;

/**
 * Mounts a chart into `element` (a container element, or a `<canvas>`).
 * Throws an `Error` naming the problem when the element or an option is
 * wrong, or when `init` has not run.
 */
export function mount(element: HTMLElement, options: MountOptions): Chart;

/** A chart mounted in the page. */
export interface Chart {
  /**
   * Changes options (any subset) and redraws; on a bad option it throws and
   * nothing changes. A new language may be drawn by another kernel (the
   * article, map and profile builds have one per language: `careto_viz.js`,
   * `careto_viz_es.js`…), fetched then: the picture stays until it has
   * drawn, and `drawn()` resolves once it has.
   */
  update(options: MountOptions): void;
  /** Measures the container again and redraws (after a resize or a zoom). */
  redraw(): void;
  /** Removes the chart's DOM and listeners and frees it. */
  destroy(): void;
  /** What is under `(x, y)` CSS px from the canvas's top-left: `"country:MAR"`, `"event:<id>"`, `"period"`, or `undefined`. */
  hitTest(x: number, y: number): string | undefined;
  /** The bar of the country with ISO code `code` as `[x, y, width, height]` in CSS px. */
  barRect(code: string): Float64Array | undefined;
  /** The fill colour (`#rrggbb`) of the country's bar (on the map, of its shape or marker), from its colour class. */
  barColor(code: string): string | undefined;
  /**
   * A point on the place with ISO code `code`, `[x, y]` in CSS px from the
   * canvas's top-left: on the map, a point that hits one of the campaign's
   * countries (its marker's centre when it has one), or the centre of any
   * other place the map knows; on the bars, the middle of the country's bar.
   * `undefined` in the article build (careto_viz.js), which has no map.
   */
  pointOf(code: string): Float64Array | undefined;
  /**
   * Resolves once the chart has its picture: at once for the bars and the
   * timeline; for a map, once its geometry (`world-110m.bin` next to the
   * module, fetched once per page) has arrived and it is drawn. Rejects when
   * the geometry could not be loaded: the chart then says so in its
   * language, with a "Try again" button; a new call waits for the next try.
   * After `update` to another language, or a `mount` from the other
   * language's file, it resolves once that language's kernel has drawn the
   * chart, and rejects if that kernel could not be loaded (the chart says so).
   * A campaign of more than 250 countries, events and sources together
   * (full build) is read a slice at a time, in tasks of about 10 ms:
   * `mount` and `update` return at once, the chart busy (`aria-busy`) with
   * what it had; `drawn()` resolves once it is read and drawn, and rejects
   * with the error, naming the field, if it is refused (the chart keeps what
   * it had; the console and an `error` event say it too).
   */
  drawn(): Promise<void>;
  /**
   * Focuses the item `id`, a country's ISO code (`"MAR"`) or an event's id,
   * with its details open and said once, as a link to it
   * (`embed.html?focus=MAR`, `#careto-bars=MAR`) does. An id the chart does
   * not have is ignored with one console warning.
   */
  focus(id: string): void;
  /** Clears the focus that `focus` or the keyboard set. */
  clearFocus(): void;
  /**
   * The canvas the chart draws on (`undefined` once destroyed). In a browser
   * with CSS `object-view-box` (Chromium), the bitmap of a chart's own canvas
   * may be larger than the picture, which is its top-left part: a redraw
   * keeps a bitmap that is large enough (the Download PNG button exports the
   * picture alone). A `<canvas>` given to `mount` always holds the picture
   * exactly.
   */
  readonly canvas: HTMLCanvasElement | undefined;
}

/**
 * The chart to draw. `"map"` needs a build with the map (careto_viz_map.js,
 * careto_viz_full.js); the article build (careto_viz.js) throws, naming them.
 */
export type View = "bars" | "timeline" | "profile" | "map";
/** The language of the chart's text, numbers and dates. */
export type Lang = "en" | "es";
/** `"auto"` follows the reader's `prefers-color-scheme`, live. */
export type Theme = "light" | "dark" | "auto";

/** The options of `mount` and `Chart.update` (`update` takes any subset). */
export interface MountOptions {
  /** Default `"bars"` (in the map and the profile builds, which draw their own view only: that view). */
  view?: View;
  /** Default: the `lang` of the element's closest ancestor that has one, else `"en"`. */
  lang?: Lang;
  /** Default `"auto"`. */
  theme?: Theme;
  /** CSS px (narrower is drawn at the minimum width); default: the container's width. */
  width?: number;
  /** `false` hides the "Download PNG" and "Download CSV" buttons. Default `true`. */
  downloads?: boolean;
  /**
   * The absolute http(s) address of `embed.html` on the site that serves the
   * module, e.g. `new URL("embed.html", import.meta.url).href`; a query such as
   * `?campaign=our-campaign.json` is kept. With it, readers get a "Copy embed
   * code" button (an iframe snippet); without it, no such button.
   */
  embedUrl?: string;
  /** `false` hides the "Copy embed code" button. Default `true` (when `embedUrl` is given). */
  embedCode?: boolean;
  /**
   * Display flag (Datawrapper's `?plain=1`): `true` draws no title, headline
   * figures or subtitle and shows no buttons, for a page that writes its own
   * (the source line stays, and so do the canvas's accessible name and
   * summary; a hedged measure is named above the legend). Default `false`.
   */
  plain?: boolean;
  /** Display flag: `true` draws no background (the theme's text colours stay). Default `false`. */
  transparent?: boolean;
  /**
   * Display flag: `true` shows the picture only: no tooltips, keyboard,
   * table or buttons, so the interaction layer is never loaded, and the
   * canvas is no tab stop (its accessible name and summary stay). Default `false`.
   */
  static?: boolean;
  // full build only {
  /**
   * A campaign of your own (campaign.schema.json); default: The Mask (Careto).
   * Read by the full build (careto_viz_full.js, the npm package's main export);
   * the article build (careto_viz.js, "careto-viz/careto-only") has no such
   * option (its types leave it out; at run time it throws, naming the full build).
   */
  campaign?: Campaign;
  // } full build only
}

/** A text in English and Spanish. */
export interface Text {
  en: string;
  es: string;
}

/** A date at the precision its source gives: `"2007"`, `"2014-01"` or `"2014-02-10"`. */
export type DateString = string;

/** A campaign (campaign.schema.json). Unknown fields are errors. */
export interface Campaign {
  name: Text;
  /** What the per-country figures count, lower case, e.g. "victim IP addresses". */
  measure: Text;
  /** How sure the measure is, e.g. "almost certainly" (leave out when certain). */
  measure_hedge?: Text;
  as_of: Text;
  total?: Total[];
  /** Who gave the totals and how far they go, drawn after them in every chart's header. */
  totals_note?: Text;
  active_period: Period;
  country: Country[];
  event: TimelineEvent[];
  source: Source[];
  bars_source_line: Text;
  timeline_source_line: Text;
  /** The sources saying only government computers were targeted in the countries marked `government_targets_only`. */
  government_targets_sources?: string[];
  /** Who and what was targeted (the `profile` view). */
  profile?: Profile;
}

/** Who and what a campaign targeted: sectors (names, never sized), platforms, what was stolen. */
export interface Profile {
  sector?: Sector[];
  platform?: Platform[];
  stolen?: Stolen;
  /** Required (by the module) when the profile has any entry. */
  source_line?: Text;
}

/** A target sector, e.g. "Government institutions". */
export interface Sector {
  label: Text;
  sources: string[];
}

/** A platform, with how far the sources established it. */
export interface Platform {
  label: Text;
  status: "analysed" | "partial" | "suspected";
  detail: Text;
  /** The source's words, verbatim. */
  quote?: string;
  sources: string[];
}

/** What the campaign stole: a summary, the source's words, the file extensions sought. */
export interface Stolen {
  summary?: Text;
  quote?: string;
  extensions?: string[];
  sources?: string[];
}

/** A campaign-wide figure such as "over 380 unique victims". */
export interface Total {
  key: string;
  label: Text;
  value: number;
  qualifier?: Text;
  /** Source ids (each the `id` of an entry of `source`). */
  sources: string[];
}

/** The period the campaign was active. */
export interface Period {
  start: DateString;
  end: DateString;
  label: Text;
  description: Text;
  sources: string[];
}

/** An affected country. */
export interface Country {
  /** ISO 3166-1 alpha-3, e.g. `"MAR"`. */
  code: string;
  name: Text;
  /** A whole number >= 1, or `"not published"` (never 0 for "unknown"). */
  count: number | "not published";
  alternatives?: Alternative[];
  other_figures?: OtherFigure[];
  government_targets_only?: boolean;
  notes?: Text[];
  sources: string[];
  /** Each source of the count and what it says it counts; once one count has them, every count must. */
  counted_by?: CountedBy[];
}

/** One source of a count and the measure it used, e.g. `{ source: "S3", measure: { en: "infected targets", es: "objetivos infectados" } }`. */
export interface CountedBy {
  source: string;
  measure: Text;
}

/** Another value of the same measure from a disagreeing source. */
export interface Alternative {
  value: number;
  sources: string[];
}

/** A figure of a different measure (e.g. "46 computers"), never drawn as a bar. */
export interface OtherFigure {
  value: number;
  unit: Text;
  note?: Text;
  sources: string[];
}

/** How well an event is established. */
export type Status = "reported" | "secondary" | "alleged";

/** A dated event on the timeline. */
export interface TimelineEvent {
  id: string;
  date: DateString;
  approximate?: boolean;
  label: Text;
  description: Text;
  status: Status;
  note?: Text;
  sources: string[];
}

/** An entry of the bibliography. */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  date?: string;
  url: string;
  note?: string;
  /** `primary` (the researchers' own), `press` or `catalogue`; an event resting on catalogues alone cannot be "reported". */
  kind?: SourceKind;
}

/** What kind of publication a source is. */
export type SourceKind = "primary" | "press" | "catalogue";

/** `event.detail` of `careto-viz:ready`, dispatched on the chart's element after its first frame. */
export interface ReadyDetail {
  view: View;
  lang: Lang;
}
/** `event.detail` of `careto-viz:select`: a reader tapped, clicked or reached by keyboard an item. */
export interface SelectDetail {
  view: View;
  /** A country's ISO code, an event's id, `"period"`, `"sector:2"`… (what `Chart.focus` takes). */
  id: string;
  /** The item's name as its tooltip heads it. */
  name: string;
  /** A country's published figure; `null` where none was published or the item is no country. */
  figure: number | null;
}
/** `event.detail` of `careto-viz:error`: a draw, a later part's load or the mount failed. */
export interface ErrorDetail {
  view?: View;
  message: string;
}
declare global {
  interface HTMLElementEventMap {
    "careto-viz:ready": CustomEvent<ReadyDetail>;
    "careto-viz:select": CustomEvent<SelectDetail>;
    "careto-viz:error": CustomEvent<ErrorDetail>;
  }
}
