// Typed use of the module, as a newsroom's TypeScript would write it: must
// type-check with `tsc --strict` against www/pkg-full/careto_viz_full.d.ts
// (tests/page/types.test.mjs).
import init, { mount, type Campaign, type Chart, type Country, type MountOptions } from "../../../www/pkg-full/careto_viz_full.js";

await init();
const element = document.querySelector<HTMLDivElement>("#chart");
if (!element) throw new Error("no #chart");

const options: MountOptions = {
  view: "timeline",
  lang: "es",
  theme: "dark",
  width: 640,
  downloads: false,
  embedUrl: new URL("embed.html", import.meta.url).href,
  embedCode: true,
};
const chart: Chart = mount(element, options);
chart.update({ theme: "light" });
chart.update({ plain: true, transparent: true, static: false });
chart.update({ view: "bars", lang: "en", theme: "auto" });
chart.redraw();
const hit: string | undefined = chart.hitTest(10, 20);
const rect: Float64Array | undefined = chart.barRect("MAR");
const colour: string | undefined = chart.barColor("MAR");
const canvas: HTMLCanvasElement | undefined = chart.canvas;
chart.update({ view: "map" });
const drawn: Promise<void> = chart.drawn();
const at: Float64Array | undefined = chart.pointOf("GIB");
chart.focus("MAR");
chart.clearFocus();
element.addEventListener("careto-viz:select", (e) => {
  const id: string = e.detail.id;
  const figure: number | null = e.detail.figure;
  console.log(id, e.detail.name, figure, e.detail.view);
});
element.addEventListener("careto-viz:error", (e) => console.log(e.detail.message.length));
chart.destroy();

const text = (en: string, es: string) => ({ en, es });
const unpublished: Country = { code: "XAB", name: text("Beta", "Beta"), count: "not published", sources: ["X1"] };
const campaign: Campaign = {
  name: text("Sample", "Muestra"),
  measure: text("victims", "víctimas"),
  as_of: text("in 2020", "en 2020"),
  total: [{ key: "countries", label: text("countries", "países"), value: 2, qualifier: text("over", "más de"), sources: ["X1"] }],
  active_period: { start: "2019", end: "2020-06", label: text("Active", "Activa"), description: text("Active.", "Activa."), sources: ["X1"] },
  country: [
    {
      code: "XAA",
      name: text("Alpha", "Alfa"),
      count: 12,
      alternatives: [{ value: 13, sources: ["X1"] }],
      other_figures: [{ value: 4, unit: text("computers", "ordenadores"), note: text("", ""), sources: ["X1"] }],
      government_targets_only: false,
      notes: [text("A note.", "Una nota.")],
      sources: ["X1"],
    },
    unpublished,
  ],
  event: [
    { id: "found", date: "2020-02-10", approximate: true, label: text("Found", "Hallada"), description: text("Found.", "Hallada."), status: "alleged", note: text("Why.", "Por qué."), sources: ["X1"] },
  ],
  source: [{ id: "X1", title: "Invented", publisher: "Nobody", date: "2020", url: "", note: "invented" }],
  bars_source_line: text("Source: X1", "Fuente: X1"),
  timeline_source_line: text("Source: X1", "Fuente: X1"),
};
const custom = mount(element, { view: "bars", campaign });
custom.update({ campaign, width: 320 });
export { hit, rect, colour, canvas };
