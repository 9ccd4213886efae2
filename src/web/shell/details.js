// A details module (www/pkg/careto_viz_details_<lang>.js, the article's
// views'; careto_viz_profile_details_<lang>.js, the profile's), loaded by
// the shell after the first frame: the words of tooltips, announcements, the
// data table and the CSV downloads of the compiled-in campaign, as JSON.

import initWasm, { wordsAt, wordsLength } from "careto-viz-wasm";

let text = "";

/**
 * Instantiates the module (entry.js's `imported` calls it once) and reads
 * its words, a UTF-8 string in its memory that the module hands over as a
 * place and a length (src/web/details.rs).
 */
export default async function init(options) {
  const exports = await initWasm(options);
  text = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, wordsAt(), wordsLength()));
  return exports;
}

/** The words, as JSON. */
export const words = () => text;
