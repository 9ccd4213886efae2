// sample.html: the charts drawn from a campaign of one's own (invented sample
// data), with the FULL build's ES API (the article build, pkg/careto_viz.js,
// reads no campaign):
//
//   import init, { mount } from "./pkg-full/careto_viz_full.js";
//   await init();
//   const campaign = await (await fetch("sample-campaign.json")).json();
//   mount(element, { view: "bars", campaign });
//
// Every element with data-sample-view gets a chart (careto-viz-loader.js
// loads the full build and the campaign once); a failure is shown as text.

import { campaignAt, embedUrlFor, mountAll } from "./careto-viz-loader.js";

const src = "sample-campaign.json";
// The embed code a reader copies draws the same file: embed.html?campaign=….
const embedUrl = embedUrlFor(src);

/** Every mounted chart, by its element (for the console and the tests). */
export const charts = new Map();

const elements = Array.from(document.querySelectorAll("[data-sample-view]"));
const mounted = await mountAll(elements, (element) => ({ view: element.dataset.sampleView, embedUrl }), campaignAt(src));
elements.forEach((element, i) => mounted[i] && charts.set(element, mounted[i]));
