// careto-viz-frame.js: on the page that holds careto-viz iframes (embed.html),
// sets each frame's height to its content's. Listens for
// {type:"careto-viz:height",height,view} from a frame's own window and origin
// (a frame this page sandboxed without allow-same-origin has none: "null").
addEventListener("message", (e) => {
  const d = e.data;
  if (!d || d.type !== "careto-viz:height") return;
  const h = Math.ceil(Number(d.height));
  if (!(h > 0 && h < 1e5)) return;
  for (const f of document.getElementsByTagName("iframe")) {
    const opaque = f.hasAttribute("sandbox") && !f.sandbox.contains("allow-same-origin");
    if (f.contentWindow === e.source && (opaque ? "null" : new URL(f.src, location.href).origin) === e.origin) {
      // Borderless, as README's CSS has it, also where the page has no CSS for the frame (a pasted snippet).
      f.style.border = "0";
      f.style.height = h + "px";
    }
  }
});
