// The article's details provider (article.js and map.js): the details
// modules, one per language (careto_viz_details_en.js,
// careto_viz_details_es.js, next to the entry's module), hold the
// compiled-in campaign's words; each is loaded and parsed once, when a chart
// in that language first needs it. The map shows the bars' countries: its
// tooltips, table and CSV are the bars' (the table under the map's caption).

import { imported } from "./entry.js";

const wordsOf = (view) => (view === "map" ? "bars" : view);

/** The provider the interaction layer reads (see interact.js). */
export async function articleDetails() {
  const words = new Map();
  const loading = new Map();
  return {
    has: (lang) => words.has(lang),
    prepare(lang) {
      if (words.has(lang)) return Promise.resolve();
      if (!loading.has(lang)) {
        const url = new URL(`./careto_viz_details_${lang}.js`, import.meta.url).href;
        const load = imported(url).then((m) => words.set(lang, JSON.parse(m.words())));
        load.catch(() => {}).finally(() => loading.delete(lang));
        loading.set(lang, load);
      }
      return loading.get(lang);
    },
    details(st) {
      const w = words.get(st.words.lang);
      const d = w[wordsOf(st.words.view)];
      // The map's table: the bars' under the map's own caption.
      return st.words.view === "map" ? { ...d, table: { ...d.table, caption: w.map_caption } } : d;
    },
    csv: (st) => words.get(st.words.lang).csv[wordsOf(st.words.view)],
  };
}
