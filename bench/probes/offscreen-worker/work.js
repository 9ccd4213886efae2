const start = performance.now();
const c = document.getElementById("c");
const off = c.transferControlToOffscreen();
// ?classic: a classic worker of one file, which probe.mjs writes (draw.js and worker.js in one).
const classic = new URLSearchParams(location.search).has("classic");
const w = classic ? new Worker(new URL("./worker-classic.js", import.meta.url)) : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
w.postMessage({ canvas: off }, [off]);
w.onmessage = (e) => {
  const o = performance.timeOrigin;
  const d = e.data;
  const drawn = performance.now();
  requestAnimationFrame(() => setTimeout(() => { window.__r = { start, first: d.first - o, got: d.got - o, wdrawn: d.drawn - o, drawn, frame: performance.now(), t: d.t }; }, 0));
};
