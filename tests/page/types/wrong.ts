// Wrong uses of the module: every line marked `// error` must be a type
// error, and no other line (tests/page/types.test.mjs). With
// `mount(element: any, options: any)` none of them would be caught.
import { mount, type Campaign, type Country } from "../../../www/pkg-full/careto_viz_full.js";

declare const element: HTMLElement;
declare const campaign: Campaign;
declare const country: Country;

mount(element, { view: "pie" }); // error
mount(element, { width: "wide" }); // error
mount(element, { lang: "fr" }); // error
mount(element, { theme: "sepia" }); // error
mount(element, { downloads: "no" }); // error
mount(element, { embedUrl: new URL("https://example.org/embed.html") }); // error
mount(element, { colour: "red" }); // error
mount("#chart", { view: "bars" }); // error
mount(element, { campaign: { ...campaign, country: [{ ...country, count: "3" }] } }); // error
mount(element, { campaign: { ...campaign, countries: [] } }); // error
mount(element, { campaign: { ...campaign, event: [{ ...campaign.event[0], status: "rumoured" }] } }); // error
mount(element, { view: "bars" }).update({ view: "pie" }); // error
mount(element, { view: "bars" }).hitTest("10", 20); // error
mount(element, { view: "globe" }); // error
mount(element, { view: "map" }).pointOf(504); // error
mount(element, { plain: "yes" }); // error
mount(element, { view: "bars" }).update({ static: 1 }); // error
