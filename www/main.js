// Thin host for the careto-viz module: load it once, then mount one chart per
// element that has a data-view attribute ("bars" or "timeline"; data-lang and
// data-theme are passed on when present). Drawing, sizing, redrawing on resize,
// tooltips and keyboard use are the module's job.
//
// The module is imported dynamically so that a failure to load it is shown in
// the figures too, not only in the console.

const containers = Array.from(document.querySelectorAll("[data-view]"));
// Every mounted chart, by its container. Exported so that the handles stay
// reachable for the page's lifetime: a top-level variable that nothing reads
// can be collected once the module has run, and a collected handle frees its
// Rust side (its listeners and resize observer with it).
export const charts = new Map();

function optionsOf(container) {
  const { view, lang, theme } = container.dataset;
  return { view, ...(lang && { lang }), ...(theme && { theme }) };
}

/** Shows a failure as text in the chart's figure, right after its box, and logs it. */
function showError(container, error) {
  const message = error instanceof Error ? error.message : String(error);
  const p = document.createElement("p");
  p.className = "careto-chart__message careto-chart__message--error";
  p.setAttribute("role", "alert");
  p.textContent = `The chart could not be drawn: ${message}`;
  container.after(p);
  container.dataset.state = "error";
  console.error(`careto-viz (${container.dataset.view}):`, error);
}

try {
  const { default: init, mount } = await import("./pkg/careto_viz.js");
  await init();
  for (const container of containers) {
    try {
      charts.set(container, mount(container, optionsOf(container)));
      container.dataset.state = "ready";
    } catch (error) {
      showError(container, error);
    }
  }
} catch (error) {
  for (const container of containers) showError(container, error);
}
document.documentElement.dataset.caretoViz = "done";
