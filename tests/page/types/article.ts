// The article build ("careto-viz/careto-only") draws only The Mask (Careto):
// its types have no `campaign` option, so passing one is a type error here
// (line 12), not a surprise at run time (tests/page/types.test.mjs).
import init, { mount, type MountOptions } from "../../../www/pkg/careto_viz.js";

await init();
const element = document.createElement("div");
const options: MountOptions = { view: "bars", lang: "es", theme: "auto" };
mount(element, options).update({ width: 320 });

declare const campaign: object;
mount(element, { view: "bars", campaign });
