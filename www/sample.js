// sample.html: the charts drawn from a campaign of one's own (invented sample
// data), with the module's ES API:
//
//   import init, { mount } from "./pkg/careto_viz.js";
//   await init();
//   const campaign = await (await fetch("sample-campaign.json")).json();
//   mount(element, { view: "bars", campaign });
//
// Every element with data-sample-view gets a chart; a failure is shown as text.

/** Every mounted chart (kept reachable: a collected handle frees its chart). */
export const charts = new Map();

const containers = Array.from(document.querySelectorAll("[data-sample-view]"));

function showError(container, error) {
  const message = error instanceof Error ? error.message : String(error);
  const p = document.createElement("p");
  p.className = "careto-chart__message careto-chart__message--error";
  p.setAttribute("role", "alert");
  p.textContent = `The chart could not be drawn: ${message}`;
  container.after(p);
  container.dataset.state = "error";
  console.error("careto-viz:", message);
}

async function loadCampaign() {
  const response = await fetch(new URL("sample-campaign.json", document.baseURI));
  if (!response.ok) throw new Error(`sample-campaign.json: HTTP ${response.status}`);
  return response.json();
}

try {
  const [{ default: init, mount }, campaign] = await Promise.all([import("./pkg/careto_viz.js"), loadCampaign()]);
  await init();
  for (const container of containers) {
    try {
      charts.set(container, mount(container, { view: container.dataset.sampleView, campaign }));
      container.dataset.state = "ready";
    } catch (error) {
      showError(container, error);
    }
  }
} catch (error) {
  for (const container of containers) showError(container, error);
}
document.documentElement.dataset.caretoViz = "done";
