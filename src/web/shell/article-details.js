// The compiled-in campaign's details provider (article.js, map.js and
// profile.js): the details modules, one per language next to the entry's
// module, hold the campaign's words; each is loaded and parsed once, when a
// chart in that language first needs it. The article's and the map's
// (careto_viz_details_en.js, careto_viz_details_es.js) hold the bars', the
// timeline's and the map's; the profile's (careto_viz_profile_details_<lang>.js)
// the profile's, so that a page without a profile never loads them. The map
// shows the bars' countries: its tooltips, table and CSV are the bars' (the
// table under the map's caption).

import { imported } from "./entry.js";

const wordsOf = (view) => (view === "map" ? "bars" : view);

/**
 * The provider the interaction layer reads (see interact.js), from the
 * details modules named CARETO_DETAILS_<lang>.js: the build's, a constant
 * scripts/build-wasm.sh sets (wasm-pack.toml, each drawing kernel's `details_modules`).
 */
export async function articleDetails() {
  const words = new Map();
  const loading = new Map();
  return {
    has: (lang) => words.has(lang),
    prepare(lang) {
      if (words.has(lang)) return Promise.resolve();
      if (!loading.has(lang)) {
        const url = new URL(`./${CARETO_DETAILS}_${lang}.js`, import.meta.url).href;
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
