// The demo page's script: one chart per element with a data-view attribute
// ("bars", "timeline", "profile" or "map"; data-lang and data-theme are passed on when
// present), with "Copy embed code" pointing at embed.html next to this file.
// Loading, mounting and failures: careto-viz-loader.js (the map's build
// comes after the other charts' first frame).

import { embedUrl as embedUrlHere, followLinks, mountAll } from "./careto-viz-loader.js";

const embedUrl = embedUrlHere();

/** Every mounted chart, by its element (for the console and the tests). */
export const charts = new Map();

const elements = Array.from(document.querySelectorAll("[data-view]"));
const mounted = await mountAll(elements, (element) => {
  const { view, lang, theme } = element.dataset;
  return { view, ...(lang && { lang }), ...(theme && { theme }), embedUrl };
});
elements.forEach((element, i) => mounted[i] && charts.set(element, mounted[i]));
// A link in the article's text to a chart's item (#careto-bars=FRA).
followLinks(charts, (element) => element.dataset.view);
