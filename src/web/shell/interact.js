// The interaction layer of careto-viz charts, loaded after the first frame
// (core.js): tooltips with their notes and sources, the keyboard, the data
// table, the PNG and CSV downloads and Copy embed code. One layer serves
// every chart of the page; `provider` gives each chart's details (the words
// Rust's describe module writes: see src/web/details.rs), from the article's
// details modules (one per language, loaded by `prepare`) or from the full
// build itself: { has(lang), prepare(lang), details(st), csv(st) }, where
// details(st) is the article's whole ({ tips, table }, see src/details.rs)
// or the full build's { tip(key), keyOf(id), table: { caption, head, pages,
// count, rows(from, to) } }, each tip and each page of rows made when asked.

import css from "careto-viz-interact-css";
import { embedCode } from "./embed-code.js";

// The data table shows at most this many rows at a time, with buttons to the
// pages before and after (the CSV has every row). A campaign of one's own may
// have 10,000 countries or events: Chromium took 2-4 s to lay such a table
// out, closed (visually hidden) or open, in one task (issue 13.3); 100 rows
// take it a few milliseconds.
const PAGE_ROWS = 100;
/** How long a tooltip stays after the pointer leaves its item, for the pointer to reach it (ms). */
const LINGER_MS = 400;

/** Details given whole (the article's details modules), as the layer reads them. */
function whole(key, { tips, table }) {
  const byKey = new Map(tips.map((t) => [t.key, t]));
  const { rows } = table;
  return {
    key,
    tip: (k) => byKey.get(k),
    keyOf: (id) => tips.find((t) => t.id === id)?.key,
    table: { ...table, count: rows.length, rows: (from, to) => rows.slice(from, to) },
  };
}

/** The layer, given the details `provider` and the shell's helpers. */
export function layer(provider, { L, report }) {
  const cache = new WeakMap();
  // The styles of what this layer shows (interact.css), one sheet for every chart.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);

  /** The chart's details for its current view and language (asked once per change). */
  function detailsOf(st) {
    const key = `${st.words.view}|${st.words.lang}|${st.kernel.generation}`;
    let d = cache.get(st);
    if (!d || d.key !== key) {
      const raw = provider.details(st);
      // The full build's come a piece at a time (each tip and each page of
      // rows made when asked); the article's whole ({ tips, table: { rows } }).
      d = raw.tip ? { key, ...raw } : whole(key, raw);
      cache.set(st, d);
    }
    return d;
  }

  /**
   * Shows item `key`'s tooltip beside (clientX, clientY), where it stays while
   * the pointer is on that item: the pointer can move onto it (WCAG 1.4.13,
   * hoverable), select its text and scroll it. A tap's (`touch`) lets
   * taps through: the next tap on a bar under it is the bar's.
   */
  function showTip(st, key, clientX, clientY, touch) {
    const p = st.parts;
    const tip = detailsOf(st).tip(key);
    if (!tip) return hideTip(st);
    clearTimeout(st.tipTimer);
    p.tip.style.pointerEvents = touch ? "none" : "";
    if (st.tipKey === key && !p.tip.hidden) return;
    const b = document.createElement("b");
    b.textContent = tip.title;
    p.tip.replaceChildren(b, ...tip.lines.map((line) => {
      const e = document.createElement("p");
      e.textContent = line;
      return e;
    }));
    p.tip.hidden = false;
    p.tip.scrollTop = 0;
    st.tipKey = key;
    // Its shape outlined, where the view draws one (the map: world.js).
    st.outline?.(key);
    placeTip(p.tip, clientX, clientY);
  }

  /** The pointer left the tooltip's item: the tooltip goes unless the pointer reaches it (or the item) first. */
  function lingerTip(st) {
    clearTimeout(st.tipTimer);
    if (st.tipKey !== null) st.tipTimer = setTimeout(() => hideTip(st), LINGER_MS);
  }

  function hideTip(st) {
    clearTimeout(st.tipTimer);
    st.tipKey = null;
    if (st.parts) st.parts.tip.hidden = true;
    if (st.parts?.band) st.parts.band.hidden = true;
    st.outline?.();
  }

  /**
   * Marks the item `key` that a pointer's tooltip is about with a faint band
   * over its box (interact.css, .cv-band): a bar's row, an event with its
   * label, where the pointer may be beside the mark, not on it. The map
   * outlines its countries instead (world.js).
   */
  function band(st, key) {
    const { parts: p, kernel: k, canvas: c } = st;
    // (A pointer moving along one row of one picture: nothing to do.)
    const at = key + c.style.width + c.style.height;
    if (st.outline || !p || (p.band && !p.band.hidden && p.band.at === at)) return;
    if (!p.band) {
      p.band = document.createElement("div");
      p.band.className = "cv-band";
      c.after(p.band);
    }
    // CSS px of the picture to px of the page (a canvas shrunk by max-width).
    const z = c.clientWidth / parseFloat(c.style.width) || 1;
    for (let i = 0; i < k.itemCount; i++) {
      const [x, y, w, h, item] = k.item(i);
      if (item !== key) continue;
      p.band.style.cssText = `left:${c.offsetLeft + x * z}px;top:${c.offsetTop + y * z}px;width:${w * z}px;height:${h * z}px`;
      p.band.hidden = false;
      p.band.at = at;
      break;
    }
  }



  /** The tooltip closed, the live region emptied; with `ring`, the focus ring gone too. */
  function closed(st, ring) {
    hideTip(st);
    if (st.parts) st.parts.live.textContent = "";
    if (ring && st.kernel.focus >= 0) {
      st.kernel.focus = -1;
      st.redrawQuietly();
    }
  }

  /**
   * Puts the tooltip beside (x, y), inside the viewport and not under the
   * pointer: to its right (or left), its first line level with it, so that a
   * pointer moving sideways reaches it without crossing another item.
   */
  function placeTip(tip, x, y) {
    const r = tip.getBoundingClientRect();
    const vw = innerWidth;
    const vh = innerHeight;
    const gap = 14;
    let left = x + gap;
    if (left + r.width > vw - 8) left = x - gap - r.width;
    left = Math.round(Math.min(Math.max(left, 8), Math.max(vw - r.width - 8, 8)));
    // Too wide for either side (a phone): below the pointer, or above it.
    let top = y - 12;
    if (left <= x && x <= left + r.width) {
      top = y + gap;
      if (top + r.height > vh - 8) top = y - gap - r.height;
    }
    top = Math.round(Math.min(Math.max(top, 8), Math.max(vh - r.height - 8, 8)));
    setAt(tip, left, top);
  }

  /** Puts the tooltip's corner at (left, top) in the viewport. */
  function setAt(tip, left, top) {
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
    // A host ancestor with a transform, filter or will-change contains
    // `position: fixed`, and one with a `zoom` or a scale scales it:
    // correct by how far off it landed, in its own px.
    const at = tip.getBoundingClientRect();
    const z = at.width / tip.offsetWidth || 1;
    const dx = (left - at.left) / z;
    const dy = (top - at.top) / z;
    if (Math.abs(dx) >= 0.5 || Math.abs(dy) >= 0.5) {
      tip.style.left = `${Math.round(left + dx)}px`;
      tip.style.top = `${Math.round(top + dy)}px`;
    }
  }

  /**
   * Shows what the keys do when the keyboard (not a pointer) brings the
   * focus to the chart and no item has it yet: in the tooltip, under the
   * chart where the window has room for it, else at the bottom left of what
   * shows of the chart (over its source line, not its title), until a key
   * moves to an item or the focus leaves. A pointer goes through it.
   */
  function hint(st) {
    const p = st.parts;
    // A pointer pressed on the chart just now brought the focus (:focus-visible is not yet set in WebKit's focus event).
    if (!p || st.kernel.focus >= 0 || performance.now() - st.pressedAt < 1000) return;
    hideTip(st);
    p.tip.textContent = detailsOf(st).table.keys;
    p.tip.style.pointerEvents = "none";
    p.tip.hidden = false;
    const c = st.canvas.getBoundingClientRect();
    const r = p.tip.getBoundingClientRect();
    // 16 px in: its shadow stays off the focus ring, drawn just inside the chart's edge.
    const left = Math.min(c.left + 16, innerWidth - r.width - 8);
    let top = c.bottom + 8;
    if (top + r.height > innerHeight - 8) top = Math.min(c.bottom, innerHeight) - r.height - 16;
    setAt(p.tip, Math.round(Math.max(left, 8)), Math.round(Math.max(top, 8)));
  }

  /**
   * The chart moved or changed under what the layer shows (the page
   * scrolled; a new width, the theme, the language: repainted): the keys'
   * hint and the keyboard's tooltip go beside the chart and the item where
   * they are now, or go once those have left the window. A pointer's
   * tooltip, the pointer still over the chart, becomes that of what is
   * under it now (with its band), as :hover would, or goes; a tap's goes;
   * one the pointer went onto stays, its band on its item. A hidden one
   * stays hidden.
   */
  function follow(st) {
    const p = st.parts;
    if (!p || p.tip.hidden) return;
    const k = st.kernel;
    const at = st.pointerAt;
    if (st.tipKey === null) {
      // The keys' hint beside the chart, or gone with the chart out of the window.
      const c = st.canvas.getBoundingClientRect();
      return c.bottom < 0 || c.top > innerHeight ? hideTip(st) : hint(st);
    }
    if (!at) return k.item(k.focus)?.[4] === st.tipKey ? tipAtFocus(st, true) : hideTip(st);
    if (!st.pointerIn) return at.pointerType === "touch" ? hideTip(st) : band(st, st.tipKey);
    const c = st.canvas;
    const r = c.getBoundingClientRect();
    const key = k.hit(((at.clientX - r.left) * parseFloat(c.style.width)) / r.width, ((at.clientY - r.top) * parseFloat(c.style.height)) / r.height);
    if (key === undefined) return hideTip(st);
    band(st, key);
    showTip(st, key, at.clientX, at.clientY, false);
  }

  /** Tells the host page that a reader selected the item `key` (careto-viz:select; README, "Events"). */
  function selected(st, key) {
    const tip = detailsOf(st).tip(key);
    if (!tip) return;
    // What Copy embed code links to (the keyboard's focus is gone by the time the button is clicked).
    st.selectedId = tip.id;
    st.emit("select", { id: tip.id, name: tip.name, figure: tip.figure ?? null });
  }

  /** Moves the keyboard focus to item `i`: the ring drawn, one short line said (the details wait for Enter). */
  function focusItem(st, i) {
    const k = st.kernel;
    if (!k.item(i)) return;
    k.focus = i;
    st.redrawQuietly();
    hideTip(st);
    const key = k.item(i)[4];
    const tip = detailsOf(st).tip(key);
    if (!tip) return;
    st.parts.live.textContent = tip.say;
    selected(st, key);
  }

  /** A tip's details as sentences, as the Rust side's `describe::sentences` joins them. */
  function sentences(tip) {
    let out = tip.title;
    for (const line of tip.lines) out += `${/[.!?:]$/.test(out) ? "" : "."} ${line}`;
    return out;
  }

  /**
   * Shows the focused item's tooltip beside it (not the pointer's: no
   * band); its details, or undefined. `again`: the one shown, moved there.
   */
  function tipAtFocus(st, again) {
    const k = st.kernel;
    const item = k.item(k.focus);
    if (!item) return;
    const [x, y, w, h, key] = item;
    const tip = detailsOf(st).tip(key);
    if (!tip) return;
    const r = st.canvas.getBoundingClientRect();
    const at = [r.left + x + Math.min(w, r.width * 0.6), r.top + y + h / 2];
    // Moved there; gone once its item has left the window (a tooltip pinned to the window's edge would cover the article).
    if (again) return at[1] < 0 || at[1] > innerHeight ? hideTip(st) : placeTip(st.parts.tip, ...at);
    st.tipKey = st.pointerAt = null;
    showTip(st, key, ...at);
    return tip;
  }

  /** Opens the focused item's details (Enter, Space): its tooltip shown and its text said. */
  function openDetails(st) {
    if (st.kernel.focus < 0) focusItem(st, 0);
    const tip = tipAtFocus(st);
    if (tip) st.parts.live.textContent = sentences(tip);
  }

  /**
   * Fills the data table: its caption, its head and a page of its rows. A
   * table of more rows than a page says which rows it shows ("Rows 1–100 of
   * 10,000"), in the accessibility tree while closed too, and has buttons to
   * the pages before and after, shown while it is open (closed, nothing in it
   * takes the keyboard's focus).
   */
  function fillTable(st) {
    const p = st.parts;
    if (!p || st.ac.signal.aborted) return;
    const d = detailsOf(st);
    if (st.tableFor === d.key) return;
    st.tableFor = d.key;
    const t = d.table;
    // What the keys do, the canvas's description after its summary: hidden,
    // so that it is read as the description and not again in the page's flow.
    if (!p.keys) {
      p.keys = document.createElement("p");
      p.keys.id = `cv-keys-${st.id}`;
      p.keys.hidden = true;
      p.figure.append(p.keys);
      st.canvas.setAttribute("aria-describedby", `${st.canvas.getAttribute("aria-describedby")} ${p.keys.id}`);
    }
    p.keys.textContent = t.keys;
    const table = document.createElement("table");
    const caption = document.createElement("caption");
    caption.textContent = t.caption;
    caption.id = `cv-caption-${st.id}`;
    const head = document.createElement("tr");
    for (const c of t.head) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = c.text;
      if (c.numeric) th.className = "cv-num";
      head.append(th);
    }
    const thead = document.createElement("thead");
    thead.append(head);
    table.append(caption, thead);
    // The scroll container is a region named by the caption from the moment
    // the caption exists (before, an unnamed region would be a second
    // unnamed landmark); open, it is a tab stop (toggleTable).
    p.data.setAttribute("role", "region");
    p.data.setAttribute("aria-labelledby", caption.id);
    // Rows `from` to `to` (exclusive) into the table's bodies: a row of one
    // cell heads the rows after it (the profile's "Platforms"), in a body
    // of their own, and again on a page that starts within its rows.
    const grouped = t.count > 0 && t.rows(0, 1)[0]?.cells.length === 1;
    const fillRows = (from, to) => {
      const bodies = [];
      const rows = Array.from(t.rows(from, to));
      for (let i = from; grouped && rows[0]?.cells.length !== 1 && i-- > 0; ) {
        const [r] = t.rows(i, i + 1);
        if (r?.cells.length === 1) rows.unshift(r);
      }
      for (const row of rows) {
        const tr = document.createElement("tr");
        if (row.code) tr.dataset.code = row.code;
        const heads = row.cells.length === 1;
        if (heads || !bodies.length) bodies.push(document.createElement("tbody"));
        row.cells.forEach((text, i) => {
          const cell = document.createElement(i === 0 ? "th" : "td");
          if (i === 0) cell.scope = heads ? "rowgroup" : "row";
          if (heads) cell.colSpan = t.head.length;
          if (t.head[i]?.numeric) cell.className = "cv-num";
          // A line may break after a dot between letters: a name such as
          // "Trojan.OSX.Careto" does not set its column's width on a phone.
          let at = 0;
          for (const m of text.matchAll(/\p{L}\.(?=\p{L})/gu)) {
            const end = m.index + m[0].length;
            cell.append(text.slice(at, end), document.createElement("wbr"));
            at = end;
          }
          cell.append(text.slice(at));
          tr.append(cell);
        });
        bodies.at(-1).append(tr);
      }
      table.replaceChildren(caption, thead, ...bodies);
    };
    const pages = Math.ceil(t.count / PAGE_ROWS);
    if (pages <= 1) {
      fillRows(0, t.count);
      p.data.replaceChildren(table);
      return;
    }
    // More rows than a page: which rows, and the buttons.
    const [rowsOf, previous, next] = t.pages;
    // Grouped as the chart's other numbers are (src/i18n/format.rs,
    // format_count): not Intl.NumberFormat, whose first use in a page took
    // Chromium about 20 ms (issue 13.3), and which groups Spanish otherwise.
    const sep = st.words.lang === "es" ? "." : ",";
    const number = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, sep);
    const status = document.createElement("p");
    const button = (text, step) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      // A handler property, not a listener: it goes with the button when a
      // new table replaces this one (nothing stays registered, leaks.test.mjs).
      b.onclick = () => {
        show(page + step);
        p.live.textContent = status.textContent;
        // At the first or last page its button is disabled: the focus goes to the other.
        if (b.disabled) (b === back ? forth : back).focus();
      };
      return b;
    };
    let page = 0;
    const back = button(previous, -1);
    const forth = button(next, 1);
    const show = (n) => {
      page = Math.max(0, Math.min(pages - 1, n));
      const from = page * PAGE_ROWS;
      const to = Math.min(t.count, from + PAGE_ROWS);
      fillRows(from, to);
      const fill = { from: number(from + 1), to: number(to), n: number(t.count) };
      status.textContent = rowsOf.replace(/\{(from|to|n)\}/g, (_, k) => fill[k]);
      back.disabled = page === 0;
      forth.disabled = page === pages - 1;
    };
    show(0);
    const nav = document.createElement("div");
    nav.className = "cv-pages";
    nav.append(status, back, forth);
    p.data.replaceChildren(table, nav);
  }

  /** Starts a download of `href` (a data: or blob: URL: nothing leaves the page) as `name`. */
  function download(st, href, name) {
    const a = document.createElement("a");
    a.href = href;
    a.download = name;
    a.hidden = true;
    st.parts.figure.append(a);
    a.click();
    a.remove();
  }

  /**
   * A download's name: the campaign's (its title's words before the last
   * ": ", lower case, joined by "-") and the view: the-mask-careto-bars.png,
   * campaña-de-ejemplo-datos-inventados-map.csv.
   */
  const stem = (st) => {
    const t = st.words.title;
    const words = t.slice(0, t.lastIndexOf(": ") >>> 0).toLowerCase().normalize("NFKC").match(/[\p{L}\p{M}\p{N}]+/gu);
    return `${words?.join("-").slice(0, 60).replace(/-$/, "") || "chart"}-${st.words.view}`;
  };

  return {
    /** Whether this chart's words (its language's details) are here. */
    ready(st) {
      return provider.has(st.words.lang);
    },

    /** Loads this chart's words (its language's details). */
    prepare(st) {
      return provider.prepare(st.words.lang);
    },

    /** View, language, theme or campaign changed (or the layer just arrived). */
    words(st) {
      hideTip(st);
      if (st.selectedFor !== st.words.view) st.selectedId = undefined;
      st.selectedFor = st.words.view;
      if (!st.parts) return;
      // The table in a task of its own, after the picture's (an update of
      // a campaign of 10,000 events: about 7 ms more in one task, issue
      // 13.3); at once in a hidden page, whose timers wait a second.
      if (document.hidden) fillTable(st);
      else setTimeout(() => fillTable(st), 0);
      if (!st.documentListening) {
        st.documentListening = true;
        st.parts.root.adoptedStyleSheets = [...st.parts.root.adoptedStyleSheets, sheet];
        const signal = st.ac.signal;
        // Escape closes the tooltip, and what the live region said goes
        // with it (no stale details left for a screen reader to find).
        document.addEventListener("keydown", (e) => e.key === "Escape" && closed(st, false), { signal });
        // A tap or click elsewhere closes the tooltip, and the ring a link or
        // ?focus= drew when the chart does not have the keyboard's focus.
        document.addEventListener("pointerdown", (e) => {
          const path = e.composedPath();
          if (!path.includes(st.canvas) && !path.includes(st.parts.tip)) closed(st, st.parts.root.activeElement !== st.canvas);
        }, { signal });
        st.canvas.addEventListener("focus", () => hint(st), { signal });
        // The page or a box around the chart scrolled: the tooltip (fixed to the window) follows (follow).
        document.addEventListener("scroll", () => follow(st), { capture: true, passive: true, signal });
        // A pointer on the tooltip keeps it; leaving it, the tooltip goes unless the pointer reaches its item.
        st.parts.tip.addEventListener("pointerenter", () => clearTimeout(st.tipTimer), { signal });
        st.parts.tip.addEventListener("pointerleave", (e) => e.pointerType === "touch" || lingerTip(st), { signal });
      }
      // The keyboard brought the focus here before the layer arrived: what the keys do, now.
      if (st.parts.root.activeElement === st.canvas && st.canvas.matches(":focus-visible")) hint(st);
    },

    pointer(st, e) {
      if (e.type === "pointerdown") st.pressedAt = performance.now();
      // Where it is, for a picture that changes under a still pointer (follow).
      st.pointerAt = e;
      st.pointerIn = e.pointerType !== "touch";
      const key = st.kernel.hit(e.offsetX, e.offsetY);
      st.canvas.style.cursor = key === undefined ? "default" : "pointer";
      // Off every item: a tap closes the tooltip, a pointer moving towards it lets it stay a moment.
      if (key === undefined) return e.type === "pointerdown" ? hideTip(st) : lingerTip(st);
      // The band first: its reads of the canvas's box come while the layout
      // is still the one the shell's handler has just read; the tooltip's
      // change then costs one layout, not two.
      band(st, key);
      showTip(st, key, e.clientX, e.clientY, e.pointerType === "touch");
      // A tap or a click selects; a hover only shows.
      if (e.type === "pointerdown") selected(st, key);
    },

    /**
     * Focuses the item named `id` (a country's ISO code, an event's id: a
     * link's) and opens its details, said once; false if the chart has no such item.
     */
    focusId(st, id) {
      const k = st.kernel;
      const key = detailsOf(st).keyOf(id);
      for (let i = 0; key !== undefined && i < k.itemCount; i++) {
        if (k.item(i)[4] !== key) continue;
        focusItem(st, i);
        openDetails(st);
        return true;
      }
      return false;
    },

    repainted: follow,

    leave(st, e) {
      st.pointerIn = false;
      if (e.pointerType !== "touch") lingerTip(st);
    },

    key(st, key) {
      const k = st.kernel;
      const n = k.itemCount;
      if (key === "Escape") return hideTip(st);
      if (n === 0) return;
      const at = k.focus;
      let next;
      if (key === "ArrowDown" || key === "ArrowRight") next = at < 0 ? 0 : Math.min(at + 1, n - 1);
      else if (key === "ArrowUp" || key === "ArrowLeft") next = at < 0 ? 0 : Math.max(at - 1, 0);
      else if (key === "Home") next = 0;
      else if (key === "End") next = n - 1;
      else if (key === "Enter" || key === " ") return openDetails(st);
      else return;
      focusItem(st, next);
    },

    blur(st) {
      closed(st, true);
    },

    toggleTable(st) {
      const p = st.parts;
      st.tableOpen = !st.tableOpen;
      p.show.setAttribute("aria-expanded", String(st.tableOpen));
      p.data.className = st.tableOpen ? "cv-data" : "cv-data cv-closed";
      // Open, its scroll container is a tab stop, so that a keyboard reaches
      // and scrolls it at any width (axe-core: scrollable-region-focusable);
      // closed, it is out of sight and out of the tab order.
      if (st.tableOpen) p.data.tabIndex = 0;
      else p.data.removeAttribute("tabindex");
      st.setLabels();
      fillTable(st);
    },

    png(st) {
      // The picture alone: drawn onto a bitmap of exactly its size first
      // (a chart's bitmap may be larger where it is kept: core.js, place).
      st.exact = true;
      let url;
      try {
        st.draw(true);
        url = st.canvas.toDataURL("image/png");
      } finally {
        st.exact = false;
      }
      download(st, url, `${stem(st)}.png`);
    },

    csv(st) {
      const text = provider.csv(st);
      download(st, `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${text}`)}`, `${stem(st)}.csv`);
    },

    /** Copies the embed code; `later` is a clipboard write the click started (see core.js), given the text now. */
    copy(st, later) {
      const w = st.words;
      const p = st.parts;
      const url = w.embedUrl;
      if (!url) return;
      // For a page without careto-viz.css: the chart and its buttons (the frame's height at this width).
      const height = Math.ceil(st.kernel.height) + p.tools.offsetHeight + 4;
      const code = embedCode(url, w.view, w.lang, w.themeOption, w.title, height, st.selectedId, w);
      p.code.value = code;
      const t = w.labels;
      const done = (ok) => {
        p.code.hidden = ok;
        if (!ok) {
          p.code.focus();
          p.code.select();
        }
        p.live.textContent = t[ok ? L.copied : L.copyByHand];
      };
      let written;
      if (later) {
        later.give(code);
        written = later.written;
      } else {
        try {
          written = navigator.clipboard.writeText(code);
        } catch {
          return done(false);
        }
      }
      written.then(() => done(true), () => done(false));
    },

    forget(st) {
      cache.delete(st);
    },

    /** For tests and reports. */
    report,
  };
}
