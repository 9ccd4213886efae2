// The embed code "Copy embed code" copies (src/web/shell/embed-code.js),
// checked in Node: the README's iframe with the chart's own settings.

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { embedCode } from "../../src/web/shell/embed-code.js";

describe("embed code", () => {
  it("is the README's iframe with the chart's settings", () => {
    assert.equal(
      embedCode("https://graphics.example.org/careto/embed.html", "timeline", "es", "dark", "The Mask (Careto): timeline", 600),
      "<!-- once per page: reserves each chart's height before it arrives -->\n" +
        '<link rel="stylesheet" href="https://graphics.example.org/careto/careto-viz.css">\n' +
        '<div data-careto-viz-frame="timeline" data-lang="es">' +
        '<iframe src="https://graphics.example.org/careto/embed.html?view=timeline&amp;lang=es&amp;theme=dark" ' +
        'title="The Mask (Careto): timeline" loading="lazy" width="100%" height="600" class="careto-viz-frame"></iframe></div>\n' +
        "<!-- optional, once per page: sizes every such frame to its content -->\n" +
        '<script src="https://graphics.example.org/careto/careto-viz-frame.js" defer></script>',
    );
  });

  it("keeps a query, drops a fragment and escapes", () => {
    const s = embedCode("https://x.example/a/embed.html?campaign=c.json#top", "bars", "en", "auto", 'A "B" <C> & D', 500);
    assert.ok(s.includes('src="https://x.example/a/embed.html?campaign=c.json&amp;view=bars&amp;lang=en&amp;theme=auto"'), s);
    assert.ok(s.includes('title="A &quot;B&quot; &lt;C&gt; &amp; D"'), s);
    assert.ok(s.includes('<script src="https://x.example/a/careto-viz-frame.js" defer>'), s);
    assert.ok(s.includes('<link rel="stylesheet" href="https://x.example/a/careto-viz.css">'), s);
    // A campaign of one's own is named on the box: careto-viz.css reserves The Mask's heights only.
    assert.ok(s.includes('<div data-careto-viz-frame="bars" data-lang="en" data-campaign-src="c.json"><iframe '), s);
  });

  it("keeps the display flags that are on, plain and static on the box too (their height)", () => {
    const url = "https://x.example/a/embed.html";
    const s = embedCode(url, "bars", "en", "auto", "Bars", 500, "MAR", { plain: true, transparent: true, static: false });
    assert.ok(s.includes('<div data-careto-viz-frame="bars" data-lang="en" data-plain="1"><iframe src="https://x.example/a/embed.html?view=bars&amp;lang=en&amp;theme=auto&amp;plain=1&amp;transparent=1&amp;focus=MAR"'), s);
    const still = embedCode(url, "timeline", "es", "dark", "T", 500, undefined, { static: true });
    assert.ok(still.includes('<div data-careto-viz-frame="timeline" data-lang="es" data-static="1"><iframe src="https://x.example/a/embed.html?view=timeline&amp;lang=es&amp;theme=dark&amp;static=1"'), still);
    // None on: as before (the words of a chart, whose flags are all false).
    assert.equal(embedCode(url, "bars", "en", "auto", "B", 500, undefined, { plain: false, transparent: false, static: false }), embedCode(url, "bars", "en", "auto", "B", 500));
  });

  it("links the map's stylesheet for a map and the profile's for a profile, and only for them", () => {
    const map = embedCode("https://x.example/a/embed.html", "map", "en", "auto", "The Mask (Careto): where the 31 affected countries are", 700);
    assert.ok(map.includes('<link rel="stylesheet" href="https://x.example/a/careto-viz.css">\n<link rel="stylesheet" href="https://x.example/a/careto-viz-map.css">\n<div data-careto-viz-frame="map"'), map);
    const profile = embedCode("https://x.example/a/embed.html", "profile", "es", "auto", "Perfil", 700);
    assert.ok(profile.includes('<link rel="stylesheet" href="https://x.example/a/careto-viz.css">\n<link rel="stylesheet" href="https://x.example/a/careto-viz-profile.css">\n<div data-careto-viz-frame="profile"'), profile);
    for (const view of ["bars", "timeline"]) {
      const code = embedCode("https://x.example/a/embed.html", view, "en", "auto", "Bars", 500);
      assert.ok(!code.includes("careto-viz-map.css") && !code.includes("careto-viz-profile.css"), code);
    }
    assert.ok(!map.includes("careto-viz-profile.css") && !profile.includes("careto-viz-map.css"));
  });
});
