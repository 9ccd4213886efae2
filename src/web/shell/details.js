// A details module (www/pkg/careto_viz_details_<lang>.js, the article's
// views'; careto_viz_profile_details_<lang>.js, the profile's), loaded by
// the shell after the first frame: the words of tooltips, announcements, the
// data table and the CSV downloads of the compiled-in campaign, as JSON.
export { default, words } from "careto-viz-wasm";
