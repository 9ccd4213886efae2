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
