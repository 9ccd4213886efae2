// The height protocols a newsroom's CMS may already speak, from embed.html
// (embed.js), besides our own {type: "careto-viz:height", height, view}:
//
//   pym.js (NPR's, 1.3.2; its pym.v1.js protocol), when the page was opened
//   by a pym.Parent (the query has childId; initialWidth, parentTitle and
//   parentUrl are accepted too):
//     "pymxPYMx<childId>xPYMxheightxPYMx<px>" on every height change, and
//     again when the parent sends its "width" message;
//   AMP's amp-iframe: {sentinel: "amp", type: "embed-size", height};
//   Datawrapper-style, only with ?dwid=<id>: {"datawrapper-height": {<id>: px}}.
//
// Each message carries only a height (nothing private), so they go to "*":
// the parent decides whom to believe. The one message we listen to (pym's
// "width") must come from our parent window, and from parentUrl's origin
// when the parent named it; it only makes us send our height again.

const PYM = "xPYMx";

/** The senders for the query `params`: call the result with each new height. */
export function heightProtocols(params, post = (message) => window.parent.postMessage(message, "*")) {
  const senders = [(height) => post({ sentinel: "amp", type: "embed-size", height })];
  const dwid = params.get("dwid");
  if (dwid) senders.push((height) => post({ "datawrapper-height": { [dwid]: height } }));
  const childId = params.get("childId");
  let last = null;
  if (childId) {
    const pym = (type, message) => `pym${PYM}${childId}${PYM}${type}${PYM}${message}`;
    senders.push((height) => post(pym("height", height)));
    let parentOrigin = null;
    try {
      const url = params.get("parentUrl");
      if (url) parentOrigin = new URL(url).origin;
    } catch {
      // A parentUrl that is no address: only the window is checked.
    }
    const width = `pym${PYM}${childId}${PYM}width${PYM}`;
    addEventListener("message", (e) => {
      if (e.source !== window.parent || window.parent === window) return;
      if (parentOrigin && e.origin !== parentOrigin) return;
      if (typeof e.data !== "string" || !e.data.startsWith(width)) return;
      if (last !== null) post(pym("height", last));
    });
  }
  return (height) => {
    last = height;
    for (const send of senders) send(height);
  };
}
