// Shared by the demo pages' scripts (main.js, sample.js): load the module once,
// mount a chart in each container, show any failure as text in the figure.
// (Every reader downloads this file: keep it short. `load`: see sample.js.)

// Every mounted chart, by its container. Exported so that the handles stay
// reachable for the page's lifetime (the module also keeps each chart alive
// until destroy(); this keeps the handles usable from the console and tests).
export const charts = new Map();

/** Shows a failure as text in the chart's figure, right after its box, and logs it. */
export function showError(container, error) {
  const message = error instanceof Error ? error.message : String(error);
  const p = document.createElement("p");
  p.className = "careto-chart__message careto-chart__message--error";
  p.setAttribute("role", "alert");
  p.textContent = `The chart could not be drawn: ${message}`;
  container.after(p);
  container.dataset.state = "error";
  console.error("careto-viz:", error);
}

/**
 * Loads the module once and mounts a chart in each container with
 * `optionsOf(container)` plus whatever `extra` resolves to (e.g. a campaign).
 * The module (the article build, unless `load` says) is imported dynamically
 * so that a failure to load it is shown in the figures too.
 */
export async function mountAll(containers, optionsOf, extra = Promise.resolve({}), load = () => import("./pkg/careto_viz.js")) {
  try {
    const [{ default: init, mount }, more] = await Promise.all([load(), extra]);
    await init();
    for (const container of containers) {
      try {
        charts.set(container, mount(container, { ...optionsOf(container), ...more }));
        container.dataset.state = "ready";
      } catch (error) {
        showError(container, error);
      }
    }
  } catch (error) {
    for (const container of containers) showError(container, error);
  }
  document.documentElement.dataset.caretoViz = "done";
}
