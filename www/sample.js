// sample.html: the charts drawn from a campaign of one's own (invented sample
// data), with the FULL build's ES API (the article build, pkg/careto_viz.js,
// reads no campaign):
//
//   import init, { mount } from "./pkg-full/careto_viz_full.js";
//   await init();
//   const campaign = await (await fetch("sample-campaign.json")).json();
//   mount(element, { view: "bars", campaign });
//
// Every element with data-sample-view gets a chart; a failure is shown as text.

import { charts, mountAll } from "./host.js";

export { charts };

async function loadCampaign() {
  const response = await fetch(new URL("sample-campaign.json", document.baseURI));
  if (!response.ok) throw new Error(`sample-campaign.json: HTTP ${response.status}`);
  return response.json();
}

const containers = Array.from(document.querySelectorAll("[data-sample-view]"));
// The embed code a reader copies draws the same file: embed.html?campaign=….
const embedUrl = new URL("embed.html?campaign=sample-campaign.json", import.meta.url).href;
await mountAll(
  containers,
  (c) => ({ view: c.dataset.sampleView, embedUrl }),
  loadCampaign().then((campaign) => ({ campaign })),
  () => import("./pkg-full/careto_viz_full.js"),
);
