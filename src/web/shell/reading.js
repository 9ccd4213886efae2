// A large campaign given to mount or update (the full build only: full.js
// hands this to core.js's shell, so that no other build carries it). The
// kernel reads it a slice at a time (Chart.read, src/web/held.rs: Pending),
// each slice a task of its own of about 10 ms, so that the page never waits
// long (issue 13.3: 10,000 events took one task of about 250 ms); then, each
// in a task of its own, the data rules, holding it (its events sorted) and
// the first picture. Meanwhile the
// chart is busy (aria-busy, a busy cursor) and keeps what it had. Refused,
// it keeps what it had too; the console, an `error` event and drawn() say why.

import { messageOf, report } from "./core.js";

// So many items a call, calls for so long a task; then the page's turn.
const READ_ITEMS = 100;
const READ_MS = 8;

/** Reads on the campaign the chart `st` (a State of core.js) was given, unless it already is. */
export function readOn(st) {
  if (st.readingOn) return;
  st.readingOn = true;
  st.refused = undefined;
  const around = st.host ?? st.canvas;
  around.setAttribute("aria-busy", "true");
  st.canvas.style.cursor = "progress";
  const end = () => {
    st.readingOn = false;
    around.removeAttribute("aria-busy");
    st.canvas.style.cursor = "";
  };
  // Slices of reading; then the data rules and the holding (kernel.read says 1, 1, then 2), then the picture.
  const slice = () => {
    if (st.ac.signal.aborted) return;
    let state = 0;
    try {
      const t0 = performance.now();
      // The campaign's getters run in it: a destroy from one waits for its end (core.js, State.reading).
      st.reading(() => {
        do state = st.kernel.read(READ_ITEMS);
        while (state === 0 && performance.now() - t0 < READ_MS);
      });
    } catch (error) {
      end();
      report(error);
      st.emit("error", { message: messageOf(error) });
      // Later drawn() calls hear it too while the chart has no picture (core.js).
      st.refused = error;
      st.notDrawn(error);
      return;
    }
    if (st.ac.signal.aborted) return;
    setTimeout(state === 2 ? () => st.ac.signal.aborted || (end(), st.redrawQuietly(true)) : slice, 0);
  };
  setTimeout(slice, 0);
}
