// Edits of the invented sample campaign (www/sample-campaign.json) that the
// schema and the module must agree on: tests/page/schema.test.mjs checks them
// against campaign.schema.json, tests/page/campaign-mount.test.mjs against
// mount() in the browser. Each broken case: [what, edit, where the schema
// reports it (a JSON pointer)].

export const broken = [
  ["a count of 0", (c) => { c.country[0].count = 0; }, "/country/0/count"],
  ["a negative count", (c) => { c.country[0].count = -3; }, "/country/0/count"],
  ["a fractional count", (c) => { c.country[0].count = 2.5; }, "/country/0/count"],
  ["a count written as text", (c) => { c.country[0].count = "unknown"; }, "/country/0/count"],
  ["a lower-case code", (c) => { c.country[0].code = "xal"; }, "/country/0/code"],
  ["a two-letter code", (c) => { c.country[0].code = "XA"; }, "/country/0/code"],
  ["a code of no place on the map, not user-assigned", (c) => { c.country[0].code = "MRC"; }, "/country/0/code"],
  ["month 13", (c) => { c.event[0].date = "2019-13"; }, "/event/0/date"],
  ["31 April", (c) => { c.event[0].date = "2019-04-31"; }, "/event/0/date"],
  ["a date with a time", (c) => { c.event[0].date = "2019-06-14T10:00"; }, "/event/0/date"],
  ["a year before 1990", (c) => { c.event[0].date = "1989"; }, "/event/0/date"],
  ["an unknown status", (c) => { c.event[0].status = "rumoured"; }, "/event/0/status"],
  ["an approximate date without a note", (c) => { delete c.event[2].note; }, "/event/2"],
  ["a missing translation", (c) => { c.name.es = ""; }, "/name/es"],
  ["a half-translated note", (c) => { c.event[2].note.es = ""; }, "/event/2/note"],
  ["a missing field", (c) => { delete c.measure; }, "/"],
  ["an unknown field", (c) => { c.colour = "red"; }, "/"],
  ["an unknown country field", (c) => { c.country[0].population = 5; }, "/country/0"],
  ["a figure without sources", (c) => { c.country[1].sources = []; }, "/country/1/sources"],
  ["a source listed twice", (c) => { c.country[1].sources = ["X1", "X1"]; }, "/country/1/sources"],
  ["alternatives for a count not published", (c) => { c.country[6].alternatives = [{ value: 4, sources: ["X1"] }]; }, "/country/6/alternatives"],
  ["a tab in a label", (c) => { c.country[0].name.en = "Alpha\tland"; }, "/country/0/name/en"],
  ["a label over 200 characters", (c) => { c.event[0].label.en = "x".repeat(201); }, "/event/0/label/en"],
  ["no countries", (c) => { c.country = []; }, "/country"],
  ["a source id with a space", (c) => { c.source[0].id = "X 1"; }, "/source/0/id"],
  ["a source without a url field", (c) => { delete c.source[0].url; }, "/source/0"],
  // One spelling per field: the schema's. (The reader once also took these.)
  ["the plural `countries` for `country`", (c) => { c.countries = c.country; delete c.country; }, "/"],
  ["the plural `events` for `event`", (c) => { c.events = c.event; delete c.event; }, "/"],
  ["the plural `sources` for `source`", (c) => { c.sources = c.source; delete c.source; }, "/"],
  ["the plural `totals` for `total`", (c) => { c.totals = c.total; delete c.total; }, "/"],
  ["null for a count not published", (c) => { c.country[6].count = null; }, "/country/6/count"],
  // Issue 15.4: a source's kind, and the measure of each source of a count.
  ["an unknown source kind", (c) => { c.source[0].kind = "blog"; }, "/source/0/kind"],
  ["the sources of a count not published", (c) => { c.country[6].counted_by = [{ source: "X1", measure: { en: "attacks", es: "ataques" } }]; }, "/country/6/counted_by"],
  ["a count's source without its measure", (c) => { c.country[0].counted_by = [{ source: c.country[0].sources[0] }]; }, "/country/0/counted_by/0"],
];

/** Edits both must accept: [what, edit]. */
export const allowed = [
  ["a leap day", (c) => { c.event[0].date = "2020-02-29"; }],
  ["an empty source date or url", (c) => { c.source[0].date = ""; c.source[0].url = ""; }],
  ["no totals", (c) => { delete c.total; }],
  ["a count not published", (c) => { c.country[0].count = "not published"; delete c.country[0].alternatives; }],
  ["source kinds, and every count with its sources' measures", (c) => {
    for (const s of c.source) s.kind = "press";
    for (const k of c.country) {
      if (typeof k.count === "number") k.counted_by = k.sources.map((source) => ({ source, measure: { en: "attacks", es: "ataques" } }));
    }
  }],
  ["a code of the map (Western Sahara)", (c) => { c.country[0].code = "ESH"; }],
  ["a code of the map that 1:110m draws as a point (Gibraltar)", (c) => { c.country[0].code = "GIB"; }],
  ["a user-assigned code of another range", (c) => { c.country[0].code = "QMA"; }],
];
