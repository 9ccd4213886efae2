// The profile build's entry (www/pkg/careto_viz_profile.js, bundled and
// minified by scripts/build-wasm.sh): the article's kernel with the
// `profile` feature, which draws the profile only (the bars and the timeline
// are the article build's), and the first-paint shell. The loader picks it for
// profile charts only, so a page without one downloads none of it; on a
// page where one sits beside other charts, they keep the article build and
// this one comes after their first frame. It shares the article's
// interaction layer; its words are in details modules of its own
// (careto_viz_profile_details_<lang>.js, through article-details.js). It is
// built once per language, as the article's kernel is (article.js).

import { Chart as Kernel } from "careto-viz-wasm";
import { languages, ready } from "./entry.js";
import { articleDetails } from "./article-details.js";
import { shell } from "./core.js";

// init() and initSync(), the same in every build (entry.js).
export { default, initSync } from "./entry.js";

// One kernel per language: a profile in the other is handed to the other's.
const { build, other } = languages("careto_viz_profile");

export { Kernel };
export const { mount, Chart } = shell({ Kernel, ready: () => ready, build, other }, articleDetails);
