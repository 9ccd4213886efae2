// `first`: when this worker's code starts. In a module worker that is after
// draw.js has been fetched and evaluated (imports run first); probe.mjs joins
// both files into one classic worker as well, whose `first` has no import to wait for.
const first = performance.timeOrigin + performance.now();
import { draw } from "./draw.js";
self.onmessage = (e) => {
  const got = performance.timeOrigin + performance.now();
  const { canvas } = e.data;
  const ctx = canvas.getContext("2d");
  const t = draw(ctx, canvas.width, canvas.height);
  const drawn = performance.timeOrigin + performance.now();
  self.postMessage({ first, got, drawn, t });
};
