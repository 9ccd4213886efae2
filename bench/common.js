// Shared by the bench pages; counted in their bytes, so kept short (the
// why: bench/run.mjs, gotoReady and the report's "First complete frame").

/** Resolves once the next frame is produced, before the page's other queued tasks. */
export function afterNextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      if (globalThis.scheduler?.postTask) return void scheduler.postTask(resolve, { priority: "user-blocking" });
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  });
}

export const READY_MESSAGE = "careto-viz bench: ready";

/** After the page's marks: the driver waits for this console message. */
export function benchIsReady() {
  document.documentElement.dataset.bench = "ready";
  console.log(READY_MESSAGE);
}
