// Thin host for the careto-viz module: load it once, then mount one chart per
// element that has a data-view attribute ("bars" or "timeline"; data-lang and
// data-theme are passed on when present), with the address of embed.html next
// to this file for the "Copy embed code" button. Drawing, sizing, redrawing on resize,
// tooltips and keyboard use are the module's job.

import { charts, mountAll } from "./host.js";

export { charts };

const embedUrl = new URL("embed.html", import.meta.url).href;

function optionsOf(container) {
  const { view, lang, theme } = container.dataset;
  return { view, ...(lang && { lang }), ...(theme && { theme }), embedUrl };
}

await mountAll(Array.from(document.querySelectorAll("[data-view]")), optionsOf);
