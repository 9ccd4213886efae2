const start = performance.now();
const c = document.getElementById("c");
const off = c.transferControlToOffscreen();
const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
w.postMessage({ canvas: off }, [off]);
w.onmessage = (e) => {
  const o = performance.timeOrigin;
  const d = e.data;
  const drawn = performance.now();
  requestAnimationFrame(() => setTimeout(() => { window.__r = { start, first: d.first - o, got: d.got - o, wdrawn: d.drawn - o, drawn, frame: performance.now(), t: d.t }; }, 0));
};
