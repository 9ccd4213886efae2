import { draw } from "./draw.js";
const start = performance.now();
const c = document.getElementById("c");
const ctx = c.getContext("2d");
const t = draw(ctx, 800, 600);
const drawn = performance.now();
requestAnimationFrame(() => setTimeout(() => { window.__r = { start, drawn, frame: performance.now(), t }; }, 0));
