// Benchmark page: the floor of the harness (bench/run.mjs, `make bench`).
// The same server, browser, HTML head, stylesheet, marks and harness modules
// (common.js, timing.js) as the chart pages, but no chart library: one rectangle and one line of text on a
// canvas. Its first frame is what any page costs in this harness; the
// report gives each chart page's first frame above it.

import { afterNextFrame, benchIsReady } from "./common.js";
// The harness's timing loops, which every chart page imports (bars and map,
// ours and the peers'), though this page times nothing: their download and
// compilation are the harness's, not a chart's (harness fix, 2026-12-02).
// cold-hover.js, which only the two bars pages import, stays out: the floor
// never holds more than every page it is taken from.
import "./timing.js";

performance.mark("script-start");
performance.mark("module-ready"); // no library to load
const canvas = document.createElement("canvas");
canvas.width = 800;
canvas.height = 420;
canvas.className = "bench-chart";
document.getElementById("charts").append(canvas);
const ctx = canvas.getContext("2d");
ctx.fillStyle = "#4a1003";
ctx.fillRect(10, 40, 400, 16);
ctx.fillStyle = "#1a1a1a";
ctx.font = "13px Liberation Sans, Arial, Helvetica, sans-serif";
ctx.fillText("Empty page", 10, 20);
performance.mark("chart-drawn");
await afterNextFrame();
performance.mark("chart-frame");

window.bench = { kind: "empty", views: [] };
benchIsReady();
