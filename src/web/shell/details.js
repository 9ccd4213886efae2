// The article's details module (www/pkg/careto_viz_details.js), loaded by the
// shell after the first frame: the words of tooltips, announcements, the
// data table and the CSV downloads of the compiled-in campaign, as JSON.
export { default, words } from "careto-viz-wasm";
