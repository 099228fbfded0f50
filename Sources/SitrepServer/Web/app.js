/*
 * Sitrep web UI: one page, hash routes, plain DOM, no build step, nothing
 * fetched from anywhere but this server (docs/api.md is the API contract).
 *
 * Routes
 *   #/?actor=&target=&code=&since=&until=&place=&dyadic=&offset=
 *                          dashboard: filter form, timeline, map, actor network,
 *                          event list. The filters live in the hash, so every
 *                          view can be bookmarked and Back works.
 *   #/event/ID             one event and the articles that report it
 *   #/articles?q=&source=&since=&until=&story=&offset=
 *                          article search: title substring, exact source,
 *                          published dates, or one story's versions
 *   #/article/ID?span=S-E  an article with every annotation layer highlighted;
 *                          `span` (code points) marks the sentence we came for;
 *                          lists the other versions of its story, if any
 *
 * Layout of this file
 *   1. DOM helpers     h() and svg() build elements. Data only ever enters the
 *                      page as text nodes or attribute values, never as markup:
 *                      article titles can contain "<script>".
 *   2. API             api() wraps fetch and turns {"error": ...} into exceptions.
 *   3. CAMEO colours   20 root codes -> 4 QuadClasses; hue per class, shade per root,
 *                      used alike by timeline, map, network, list and article.
 *   4. Tooltip         one floating element shared by every view.
 *   5. Router          hashchange -> render one view into #view; the top nav.
 *   6. Dashboard       stats, filters, timeline, map, network, event list.
 *   7. Event view
 *   8. Article list    search form and one page of /api/articles.
 *   9. Article view    overlapping annotations: the text is cut at every span
 *                      boundary; each piece carries the classes of all spans
 *                      that cover it.
 *
 * Offsets from the API count Unicode code points; JavaScript strings index
 * UTF-16 units, so article text is handled as Array.from(text).
 *
 * Test hooks: <body data-view="dashboard|event|articles|article|notfound" data-ready="1">
 * once a view has finished loading; stable ids (#event-list, #timeline, #map,
 * #network, #mention-list, #article-list, #search-q, #article-text,
 * #story-versions, #nav-articles, ...) and data-* attributes on rows.
 *
 * Ids from the address bar are checked before they reach the API (store ids
 * are positive integers, dates YYYY-MM-DD): a 400 would show up as a console
 * error, and the page can say what is wrong instead.
 */
"use strict";

/* ------------------------------------------------------------------ 1. DOM */

const SVG_NS = "http://www.w3.org/2000/svg";

/** Creates an HTML element. `attrs` values become attributes (or listeners for
 *  `on*` keys); children are nodes or strings (strings become text nodes). */
function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** Same as h() for SVG elements. */
function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the children of `node`; like h(), skips null and flattens arrays
 *  (DOM replaceChildren() would print a null as the text "null"). */
function fill(node, ...children) {
  node.replaceChildren();
  return build(node, null, children);
}

/** Only http(s) links from the data become clickable: a stored
 *  "javascript:" URL must not run when someone clicks it. */
function safeURL(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

const numberFormat = new Intl.NumberFormat("en-US");
const fmt = (n) => (n === null || n === undefined ? "–" : numberFormat.format(n));
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-03-03" -> "3 Mar" (with the year when asked). */
function shortDate(iso, withYear = false) {
  const day = String(Number(iso.slice(8, 10)));
  const month = MONTHS[Number(iso.slice(5, 7)) - 1] || "?";
  return withYear ? `${day} ${month} ${iso.slice(0, 4)}` : `${day} ${month}`;
}

/** ISO date plus n days, computed in UTC so no time zone can shift the day. */
function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A muted placeholder for unknown values (the API sends null). */
function unknown(text = "unknown") {
  return h("span", { class: "muted" }, text);
}

/** Store ids (articles, events, stories) are positive integers. */
function isId(value) {
  return /^[1-9][0-9]{0,17}$/.test(String(value));
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Article text size: "840 B", "4.2 kB", "1.3 MB". */
function byteSize(n) {
  if (typeof n !== "number") return "–";
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(n < 1e4 ? 1 : 0)} kB`;
  return `${(n / 1e6).toFixed(1)} MB`;
}

/** An actor code as a small monospace token, or "unknown". */
function actorChip(code) {
  return code ? h("span", { class: "actor-code" }, code) : unknown();
}

/** Rounded "nice" tick step (1, 2 or 5 times a power of ten). */
function niceStep(max, count) {
  const raw = Math.max(max, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const step = (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
  return Math.max(1, step);
}

/* ------------------------------------------------------------------ 2. API */

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET a JSON document. Empty parameters are left out of the query. */
async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (err) {
    throw new ApiError(0, "network", `cannot reach the server (${err.message})`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Left null: reported below with the status.
  }
  if (!response.ok) {
    const error = body && body.error;
    throw new ApiError(response.status, error ? error.code : "http", error ? error.message : `HTTP ${response.status}`);
  }
  if (body === null) throw new ApiError(response.status, "bad_json", `${url.pathname} did not return JSON`);
  return body;
}

/** The world outlines never change while the page is open: fetch them once. */
let worldPromise = null;
function loadWorld() {
  if (!worldPromise) {
    worldPromise = api("/assets/world.json").catch((err) => {
      worldPromise = null; // let a later view try again
      throw err;
    });
  }
  return worldPromise;
}

/* -------------------------------------------------------- 3. CAMEO colours */

const ROOT_LABELS = {
  "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate",
  "04": "Consult", "05": "Engage in diplomatic cooperation",
  "06": "Engage in material cooperation", "07": "Provide aid", "08": "Yield",
  "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
  "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce",
  "18": "Assault", "19": "Fight", "20": "Use unconventional mass violence",
};

// QuadClass of each root as in Sources/SitrepStages/Models/cameo/event-codes.tsv
// (the coder's own table, Phoenix/GDELT convention): 14 Protest counts as
// material conflict there, so it does here, and the colours agree with the data.
const QUADS = [
  { id: 1, name: "Verbal cooperation", hue: 212, roots: ["01", "02", "03", "04", "05"] },
  { id: 2, name: "Material cooperation", hue: 160, roots: ["06", "07", "08"] },
  { id: 3, name: "Verbal conflict", hue: 38, roots: ["09", "10", "11", "12", "13"] },
  { id: 4, name: "Material conflict", hue: 358, roots: ["14", "15", "16", "17", "18", "19", "20"] },
];

/** root -> {quad, color, light, ink}: colour from the quad's hue, lighter for the
 *  milder roots and darker for the stronger ones within the class. */
const ROOT_STYLE = (() => {
  const styles = {};
  for (const quad of QUADS) {
    quad.roots.forEach((root, i) => {
      const t = quad.roots.length === 1 ? 0.5 : i / (quad.roots.length - 1);
      const lightness = 72 - t * 38; // 72% .. 34%
      const saturation = quad.id === 3 ? 85 : 58; // amber needs more saturation to read as a colour
      styles[root] = {
        quad,
        color: `hsl(${quad.hue} ${saturation}% ${lightness}%)`,
        light: `hsl(${quad.hue} ${saturation}% 93%)`,
        ink: lightness < 55 ? "#fff" : "#1d2330",
      };
    });
  }
  return styles;
})();
const NEUTRAL = { quad: null, color: "hsl(220 8% 60%)", light: "hsl(220 8% 93%)", ink: "#fff" };

function rootOf(code) {
  return typeof code === "string" ? code.slice(0, 2) : "";
}
function rootStyle(code) {
  return ROOT_STYLE[rootOf(code)] || NEUTRAL;
}
function rootLabel(code) {
  return ROOT_LABELS[rootOf(code)] || "Unknown root";
}

/** The root with most events in a {"19": 3, "04": 1} map (ties: lower code). */
function dominantRoot(roots) {
  let best = null;
  for (const [root, n] of Object.entries(roots || {}).sort()) {
    if (best === null || n > roots[best]) best = root;
  }
  return best;
}

/** A CAMEO code badge coloured by its root. */
function codeBadge(code) {
  const style = rootStyle(code);
  const badge = h("span", { class: "code-badge", title: `${rootOf(code)} ${rootLabel(code)}` }, code || "?");
  badge.style.background = style.color;
  badge.style.color = style.ink;
  return badge;
}

/** The colour legend: one group per QuadClass, one swatch per root. */
function cameoLegend() {
  return h("div", { class: "cameo-legend", "data-testid": "cameo-legend" },
    QUADS.map((quad) => h("div", { class: "legend-group" },
      h("span", { class: "legend-quad" }, quad.name),
      quad.roots.map((root) => {
        const swatch = h("span", { class: "legend-swatch", title: `${root} ${ROOT_LABELS[root]}` }, root);
        swatch.style.background = ROOT_STYLE[root].color;
        swatch.style.color = ROOT_STYLE[root].ink;
        return swatch;
      }))));
}

/* ---------------------------------------------------------------- 4. Tooltip */

const tooltip = {
  get el() { return document.getElementById("tooltip"); },

  /** Shows `title` and [key, value] rows (or plain nodes) next to the pointer. */
  show(event, title, rows = []) {
    const el = this.el;
    fill(el,
      title ? h("div", { class: "tt-title" }, title) : null,
      rows.map((row) => (Array.isArray(row)
        ? h("div", { class: "tt-row" }, h("span", { class: "tt-key" }, row[0]), h("span", { class: "tt-value" }, row[1]))
        : row)));
    el.hidden = false;
    this.move(event);
  },

  /** Keeps the tooltip inside the window, preferring below-right of the pointer. */
  move(event) {
    const el = this.el;
    if (el.hidden) return;
    const pad = 14;
    const { innerWidth: w, innerHeight: hgt } = window;
    const box = el.getBoundingClientRect();
    let x = event.clientX + pad;
    let y = event.clientY + pad;
    if (x + box.width > w - 4) x = Math.max(4, event.clientX - pad - box.width);
    if (y + box.height > hgt - 4) y = Math.max(4, event.clientY - pad - box.height);
    el.style.left = `${x}px`;
    el.style.top = `${y}px`;
  },

  hide() {
    this.el.hidden = true;
  },
};

/** Wires hover (and keyboard focus) on `node` to the shared tooltip;
 *  `content()` returns [title, rows] when shown. */
function withTooltip(node, content) {
  const show = (event) => {
    const [title, rows] = content();
    tooltip.show(event, title, rows);
  };
  node.addEventListener("mouseenter", show);
  node.addEventListener("mousemove", (event) => tooltip.move(event));
  node.addEventListener("mouseleave", () => tooltip.hide());
  node.addEventListener("focus", () => {
    const box = node.getBoundingClientRect();
    show({ clientX: box.left + box.width / 2, clientY: box.bottom });
  });
  node.addEventListener("blur", () => tooltip.hide());
  return node;
}

/* ----------------------------------------------------------------- 5. Router */

const FILTER_KEYS = ["actor", "target", "code", "since", "until", "place", "dyadic"];
let routeToken = 0;         // bumped on every navigation; late responses for older views are dropped
let lastDashboardHash = "#/";
let lastArticlesHash = "#/articles";
const view = () => document.getElementById("view");

function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const q = raw.indexOf("?");
  return { path: q < 0 ? raw : raw.slice(0, q), params: new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)) };
}

/** Navigates to `hash`, re-rendering even when it is the current one. */
function go(hash) {
  if (location.hash === hash || (hash === "#/" && location.hash === "")) route();
  else location.hash = hash;
}

/** The dashboard hash for `filters` (an object; empty values left out). */
function dashboardHash(filters) {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, "offset"]) {
    if (filters[key] !== undefined && filters[key] !== null && filters[key] !== "" && !(key === "offset" && Number(filters[key]) === 0)) {
      params.set(key, filters[key]);
    }
  }
  const query = params.toString();
  return query ? `#/?${query}` : "#/";
}

function currentFilters(params) {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = (params.get(key) || "").trim();
    if (value) filters[key] = value;
  }
  // A yes-or-no filter: only "1" or "true" turns it on (the API refuses other values).
  if (filters.dyadic === "1" || filters.dyadic === "true") filters.dyadic = "1";
  else delete filters.dyadic;
  return filters;
}

async function route() {
  const token = ++routeToken;
  tooltip.hide();
  const { path, params } = parseHash();
  document.body.dataset.ready = "0";
  let match;
  let done;
  if (path === "/" || path === "") {
    lastDashboardHash = location.hash || "#/";
    markNav("events");
    done = showDashboard(params, token);
  } else if ((match = path.match(/^\/event\/([^/]+)$/))) {
    markNav("events");
    done = showEvent(decode(match[1]), token);
  } else if (path === "/articles") {
    lastArticlesHash = location.hash;
    markNav("articles");
    done = showArticles(params, token);
  } else if ((match = path.match(/^\/article\/([^/]+)$/))) {
    markNav("articles");
    done = showArticle(decode(match[1]), params, token);
  } else {
    markNav(null);
    document.body.dataset.view = "notfound";
    document.title = "Not found · Sitrep";
    view().replaceChildren(h("section", { class: "panel" },
      h("h1", {}, "Page not found"),
      h("p", {}, "No view answers ", h("code", {}, location.hash), ". ", h("a", { href: "#/" }, "Back to the events"), ".")));
    done = Promise.resolve();
  }
  try {
    await done;
  } catch (err) {
    // A bug, not a failed request (those are shown in their panels): say so
    // on the page, and in the console, where the browser test looks.
    console.error("Sitrep UI:", err);
    if (token === routeToken) viewMessage(view(), `Something went wrong showing this page: ${err.message}`, "error");
  } finally {
    if (token === routeToken) document.body.dataset.ready = "1";
  }
}

/** Marks the nav link of the current list and points both links at their
 *  list's last filters, so "Articles" returns to the search one came from. */
function markNav(section) {
  for (const link of document.querySelectorAll(".topnav a[data-nav]")) {
    if (link.dataset.nav === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
    link.setAttribute("href", link.dataset.nav === "events" ? lastDashboardHash : lastArticlesHash);
  }
}

/** decodeURIComponent() that returns malformed input unchanged instead of throwing. */
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A message in place of a panel's content (loading, empty, error); in a
 *  table it becomes one full-width row, so the table stays for the next load. */
function panelMessage(container, text, kind = "empty") {
  const message = h("div", { class: `panel-message ${kind}` }, text);
  if (container.tagName === "TABLE") container.replaceChildren(h("tbody", {}, h("tr", {}, h("td", { colspan: 99 }, message))));
  else container.replaceChildren(message);
}

/** A whole view's loading or error message, in a panel of its own. */
function viewMessage(container, text, kind) {
  container.replaceChildren(h("section", { class: "panel" }, h("div", { class: `panel-message ${kind}` }, text)));
}

function errorText(err) {
  return err instanceof ApiError ? `Could not load: ${err.message}${err.code ? ` (${err.code})` : ""}` : `Error: ${err.message}`;
}

/* ----------------------------------------------------------------- Stats bar */

const STAT_FIELDS = [
  ["articles", "articles"], ["stories", "stories"], ["events", "events"], ["event_mentions", "mentions"],
  ["entities", "entities"], ["actors", "actors"], ["places", "places"], ["quotes", "quotes"],
  ["quantities", "quantities"], ["times", "times"], ["near_duplicates", "near-duplicates"],
];

async function loadStats() {
  const dl = document.getElementById("stats");
  try {
    const stats = await api("/api/stats");
    const items = STAT_FIELDS
      .filter(([key]) => stats[key] !== undefined)
      .map(([key, label]) => h("div", { class: "stat", "data-stat": key }, h("dt", {}, label), h("dd", {}, fmt(stats[key]))));
    if (stats.first_published || stats.last_published) {
      items.push(h("div", { class: "stat stat-range", "data-stat": "published" },
        h("dt", {}, "published"),
        h("dd", {}, `${stats.first_published || "?"} – ${stats.last_published || "?"}`)));
    }
    dl.replaceChildren(...items);
  } catch (err) {
    dl.replaceChildren(h("div", { class: "stat stat-error" }, h("dt", {}, "stats"), h("dd", {}, err.message)));
  }
}

/* -------------------------------------------------------------- 6. Dashboard */

const FILTER_FIELDS = [
  { key: "actor", label: "Source actor", placeholder: "TUR", hint: "code prefix" },
  { key: "target", label: "Target actor", placeholder: "IRQ", hint: "code prefix" },
  { key: "code", label: "CAMEO code", placeholder: "19", hint: "root or longer", list: "cameo-roots" },
  { key: "since", label: "Since", type: "date" },
  { key: "until", label: "Until", type: "date" },
  { key: "place", label: "Place", placeholder: "Mosul", hint: "name or GeoNames id" },
];
const EVENTS_PAGE = 100;

// Cached between renders so a window resize redraws the charts without refetching.
const dashboard = { data: {}, filters: {}, placeNames: new Map() };

/** Builds the dashboard's frame once; later filter changes only refill panels,
 *  so the page keeps its scroll position when a chart is clicked. */
function dashboardFrame() {
  let root = document.getElementById("dashboard");
  if (root) return root;
  const form = h("form", { id: "filter-form", class: "filter-form", autocomplete: "off", "data-testid": "filter-form" },
    FILTER_FIELDS.map((f) => h("label", { class: "field" },
      h("span", { class: "field-label" }, f.label, f.hint ? h("small", {}, f.hint) : null),
      h("input", { id: `filter-${f.key}`, name: f.key, type: f.type || "text", placeholder: f.placeholder || null, list: f.list || null }))),
    h("label", { class: "field field-check", title: "Only events whose source and target actors are both known, as GDELT and ICEWS list them" },
      h("input", { id: "filter-dyadic", name: "dyadic", type: "checkbox", value: "1" }),
      h("span", { class: "field-label" }, "Both actors known")),
    h("div", { class: "form-actions" },
      h("button", { type: "submit", class: "btn primary", id: "filter-apply" }, "Apply"),
      h("button", { type: "button", class: "btn", id: "filter-reset", onclick: () => go("#/") }, "Reset")),
    h("datalist", { id: "cameo-roots" },
      Object.entries(ROOT_LABELS).map(([root, label]) => h("option", { value: root }, `${root} ${label}`))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const filters = {};
    for (const f of FILTER_FIELDS) {
      let value = form.elements[f.key].value.trim();
      if (f.key === "actor" || f.key === "target") value = value.toUpperCase(); // CAMEO codes are upper case
      if (value) filters[f.key] = value;
    }
    if (form.elements.dyadic.checked) filters.dyadic = "1";
    go(dashboardHash(filters));
  });

  root = h("div", { id: "dashboard", class: "dashboard" },
    h("section", { class: "panel filters" }, form, h("div", { id: "filter-summary", class: "filter-summary" })),
    h("section", { class: "panel", id: "timeline-panel" },
      h("div", { class: "panel-head" },
        h("h2", {}, "Events per day"),
        h("span", { class: "panel-note" }, "by CAMEO root · click a day to filter")),
      cameoLegend(),
      h("div", { id: "timeline", class: "chart", "data-testid": "timeline" })),
    h("section", { class: "panel", id: "map-panel" },
      h("div", { class: "panel-head" },
        h("h2", {}, "Places"),
        h("span", { class: "panel-note" }, "circle area ∝ events · colour = most frequent root · click to filter")),
      h("div", { class: "viz-split" },
        h("div", { id: "map", class: "chart", "data-testid": "map" }),
        h("div", { class: "ranking" }, h("h3", {}, "Busiest places"), h("ol", { id: "place-ranking", class: "rank-list" })))),
    h("section", { class: "panel", id: "network-panel" },
      h("div", { class: "panel-head" },
        h("h2", {}, "Actor network"),
        h("span", { class: "panel-note" }, "source → target · edge colour = most frequent root · click an actor to filter")),
      h("div", { class: "viz-split" },
        h("div", { id: "network", class: "chart", "data-testid": "network" }),
        h("div", { class: "ranking" }, h("h3", {}, "Busiest pairs"), h("ol", { id: "pair-ranking", class: "rank-list" })))),
    h("section", { class: "panel", id: "events-panel" },
      h("div", { class: "panel-head" },
        h("h2", {}, "Events"),
        h("span", { id: "event-range", class: "panel-note" })),
      h("div", { class: "table-wrap" },
        h("table", { id: "event-list", class: "data-table", "data-testid": "event-list" })),
      h("div", { id: "event-pager", class: "pager" })));
  view().replaceChildren(root);
  return root;
}

async function showDashboard(params, token) {
  document.body.dataset.view = "dashboard";
  document.title = "Events · Sitrep";
  dashboardFrame();
  const filters = currentFilters(params);
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  dashboard.filters = filters;
  dashboard.data = {}; // nothing stale for a resize to redraw while the new data loads

  const form = document.getElementById("filter-form");
  for (const f of FILTER_FIELDS) form.elements[f.key].value = filters[f.key] || "";
  form.elements.dyadic.checked = filters.dyadic === "1";
  renderFilterSummary(filters);

  const panels = ["timeline", "map", "network"].map((id) => document.getElementById(id));
  for (const panel of [...panels, document.getElementById("event-list")]) panel.classList.add("is-loading");

  // Each panel loads on its own, so a slow endpoint does not hold the others.
  const load = (promise, render, container) => promise
    .then((data) => {
      if (token !== routeToken) return;
      render(data);
    })
    .catch((err) => {
      if (!(err instanceof ApiError)) console.error("Sitrep UI:", err); // a bug in a renderer, not a failed request
      if (token !== routeToken) return;
      panelMessage(container, errorText(err), "error");
      // Rankings, pager and range of the same panel would describe the old filters.
      const panel = container.closest(".panel");
      for (const node of panel.querySelectorAll(".rank-list, .pager, #event-range")) node.replaceChildren();
    })
    .finally(() => container.classList.remove("is-loading"));

  const timeline = document.getElementById("timeline");
  const map = document.getElementById("map");
  const network = document.getElementById("network");
  const list = document.getElementById("event-list");
  await Promise.all([
    load(api("/api/timeline", filters), (data) => { dashboard.data.timeline = data; drawTimeline(); }, timeline),
    load(Promise.all([api("/api/map", filters), loadWorld()]),
      ([data, world]) => { dashboard.data.map = data; dashboard.data.world = world; drawMap(); }, map),
    load(api("/api/network", filters), (data) => { dashboard.data.network = data; drawNetwork(); }, network),
    load(api("/api/events", { ...filters, limit: EVENTS_PAGE, offset }), (data) => renderEventList(data, filters, offset), list),
  ]);
}

/** Active filters as removable chips ("actor TUR ×"). */
function renderFilterSummary(filters) {
  const box = document.getElementById("filter-summary");
  const keys = FILTER_KEYS.filter((key) => filters[key]);
  if (!keys.length) {
    box.replaceChildren(h("span", { class: "muted" }, "All events. Filter with the form, or click a day, a place or an actor."));
    return;
  }
  fill(box, h("span", { class: "muted" }, "Filtered by"),
    keys.map((key) => {
      let value = filters[key];
      if (key === "place" && dashboard.placeNames.has(value)) value = `${dashboard.placeNames.get(value)} (${value})`;
      if (key === "code" && ROOT_LABELS[value]) value = `${value} ${ROOT_LABELS[value]}`;
      if (key === "dyadic") value = "both actors known";
      const rest = { ...filters };
      delete rest[key];
      return h("a", { class: "chip", href: dashboardHash(rest), title: `Remove the ${key} filter`, "data-filter": key },
        h("span", { class: "chip-key" }, key), " ", value, h("span", { class: "chip-x", "aria-hidden": "true" }, "×"));
    }));
}

/** Sets one filter (keeping the others, resetting the page) and navigates. */
function addFilter(key, value) {
  go(dashboardHash({ ...dashboard.filters, [key]: value }));
}

/* Redraw the charts when the window width changes (debounced). */
let resizeTimer = null;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (!document.getElementById("dashboard")) return;
    if (dashboard.data.timeline) drawTimeline();
    if (dashboard.data.map) drawMap();
    if (dashboard.data.network) drawNetwork();
  }, 200);
});

/* ---- Timeline: stacked bars, one column per day, one segment per root. */

function drawTimeline() {
  const container = document.getElementById("timeline");
  const items = (dashboard.data.timeline.items || []).filter((item) => item.date);
  if (!items.length) {
    panelMessage(container, "No dated events match these filters.");
    return;
  }
  // date -> {root -> events}; the axis covers every day from first to last.
  const byDay = new Map();
  for (const item of items) {
    if (!byDay.has(item.date)) byDay.set(item.date, {});
    const roots = byDay.get(item.date);
    roots[item.root_code] = (roots[item.root_code] || 0) + item.events;
  }
  const dates = [...byDay.keys()].sort();
  const days = [];
  for (let d = dates[0]; d <= dates[dates.length - 1] && days.length < 20000; d = addDays(d, 1)) days.push(d);

  const width = Math.max(320, container.clientWidth || 900);
  const height = 200;
  const m = { left: 40, right: 10, top: 10, bottom: 24 };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const totals = days.map((d) => Object.values(byDay.get(d) || {}).reduce((a, b) => a + b, 0));
  const step = niceStep(Math.max(...totals), 4);
  const yMax = Math.ceil(Math.max(...totals) / step) * step;
  const y = (v) => m.top + innerH - (v / yMax) * innerH;
  const slot = innerW / days.length;
  const barW = Math.min(36, Math.max(1, slot > 4 ? slot - Math.min(2, slot * 0.2) : slot)); // a lone day is not a wall

  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Events per day by CAMEO root" });
  const grid = svg("g", { class: "grid" });
  for (let v = 0; v <= yMax; v += step) {
    grid.append(
      svg("line", { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v) }),
      svg("text", { x: m.left - 6, y: y(v) + 4, "text-anchor": "end", class: "axis-label" }, fmt(v)));
  }
  chart.append(grid);

  const bars = svg("g", { class: "bars" });
  days.forEach((date, i) => {
    const roots = byDay.get(date);
    if (!roots) return;
    const x = m.left + i * slot + (slot - barW) / 2;
    const column = svg("g", { class: "day", "data-date": date, tabindex: 0, role: "button", "aria-label": `${date}: ${totals[i]} events` });
    // An invisible full-height target makes thin and short days easy to click.
    column.append(svg("rect", { class: "hit", x: m.left + i * slot, y: m.top, width: slot, height: innerH }));
    let base = 0;
    for (const root of Object.keys(roots).sort()) {
      const n = roots[root];
      column.append(svg("rect", {
        class: "bar", x, y: y(base + n), width: barW, height: Math.max(0.5, y(base) - y(base + n)),
        fill: rootStyle(root).color, "data-root": root, "data-date": date,
      }));
      base += n;
    }
    withTooltip(column, () => [shortDate(date, true), [
      ["events", fmt(totals[i])],
      ...Object.keys(roots).sort().reverse().map((root) => [`${root} ${ROOT_LABELS[root] || ""}`, fmt(roots[root])]),
    ]]);
    const pickDay = () => go(dashboardHash({ ...dashboard.filters, since: date, until: date }));
    column.addEventListener("click", pickDay);
    column.addEventListener("keydown", (event) => { if (event.key === "Enter") pickDay(); });
    bars.append(column);
  });
  chart.append(bars);

  // Date labels: about one per 90 px, always including the first day.
  const labelEvery = Math.max(1, Math.ceil(90 / slot));
  const axis = svg("g", { class: "x-axis" });
  for (let i = 0; i < days.length; i += labelEvery) {
    const first = i === 0 || days[i].slice(0, 4) !== days[i - labelEvery]?.slice(0, 4);
    axis.append(svg("text", { x: m.left + i * slot + slot / 2, y: height - 6, "text-anchor": i === 0 ? "start" : "middle", class: "axis-label" },
      shortDate(days[i], first)));
  }
  chart.append(axis);
  container.replaceChildren(chart);
}

/* ---- Rankings next to the map and the network: the same data as a list,
   readable where circles overlap (Europe, the Middle East). */

const RANK_ROWS = 12;

/** Fills `ol` with rows {label, sub, count, color, onPick}, bars scaled to the first. */
function renderRanking(ol, rows) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  ol.replaceChildren(...rows.slice(0, RANK_ROWS).map((row) => {
    const bar = h("span", { class: "rank-bar" });
    bar.style.width = `${Math.max(2, (row.count / max) * 100)}%`;
    bar.style.background = row.color;
    const li = h("li", { tabindex: 0, role: "button", title: row.title || null },
      h("span", { class: "rank-label" }, row.label, row.sub ? h("span", { class: "rank-sub" }, row.sub) : null),
      h("span", { class: "rank-count" }, fmt(row.count)),
      h("span", { class: "rank-track" }, bar));
    li.addEventListener("click", row.onPick);
    li.addEventListener("keydown", (event) => { if (event.key === "Enter") row.onPick(); });
    return li;
  }));
  if (!rows.length) ol.replaceChildren(h("li", { class: "rank-empty muted" }, "None."));
}

/* ---- Map: equirectangular world, circles per place. */

const MAP_NORTH = 84;   // the 110m outlines reach 83.6°N
const MAP_SOUTH = -58;  // Antarctica is left out: it would take a quarter of the height

function drawMap() {
  const container = document.getElementById("map");
  const { map, world } = dashboard.data;
  const width = Math.max(320, container.clientWidth || 600);
  const height = Math.round(width * (MAP_NORTH - MAP_SOUTH) / 360);
  const px = (lon) => ((lon + 180) / 360) * width;
  const py = (lat) => ((MAP_NORTH - lat) / (MAP_NORTH - MAP_SOUTH)) * height;

  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "World map of event places", class: "map-svg" });
  chart.append(svg("rect", { class: "ocean", x: 0, y: 0, width, height }));

  const graticule = svg("g", { class: "graticule" });
  for (let lon = -150; lon <= 150; lon += 30) graticule.append(svg("line", { x1: px(lon), x2: px(lon), y1: 0, y2: height }));
  for (let lat = -30; lat <= 60; lat += 30) graticule.append(svg("line", { x1: 0, x2: width, y1: py(lat), y2: py(lat) }));
  chart.append(graticule);

  const land = svg("g", { class: "countries" });
  for (const country of world.countries || []) {
    if (country.iso3 === "ATA") continue;
    let d = "";
    for (const polygon of country.polygons) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i += 2) {
          d += `${i === 0 ? "M" : "L"}${px(ring[i]).toFixed(1)} ${py(ring[i + 1]).toFixed(1)}`;
        }
        d += "Z";
      }
    }
    land.append(svg("path", { class: "country", d, "data-iso3": country.iso3 }, svg("title", {}, country.name)));
  }
  chart.append(land);

  const places = (map.items || []).filter((p) => typeof p.lat === "number" && typeof p.lon === "number");
  const max = Math.max(1, ...places.map((p) => p.events));
  const maxR = Math.max(9, width / 45);
  const radius = (n) => 2.5 + (maxR - 2.5) * Math.sqrt(n / max);
  const selected = dashboard.filters.place ? dashboard.filters.place.toLowerCase() : null;
  const dots = svg("g", { class: "places" });
  const labels = svg("g", { class: "place-labels" });
  // Largest first so small circles stay on top and clickable.
  const sorted = [...places].sort((a, b) => b.events - a.events);
  for (const place of sorted) {
    if (place.geonameid !== null && place.geonameid !== undefined) dashboard.placeNames.set(String(place.geonameid), place.name);
    const style = rootStyle(dominantRoot(place.roots));
    const isSelected = selected && (selected === String(place.geonameid) || selected === String(place.name).toLowerCase());
    const circle = svg("circle", {
      class: `place${isSelected ? " selected" : ""}`, cx: px(place.lon).toFixed(1), cy: py(place.lat).toFixed(1), r: radius(place.events).toFixed(1),
      fill: style.color, tabindex: 0, role: "button", "data-place": place.key, "aria-label": `${place.name}: ${place.events} events`,
    });
    withTooltip(circle, () => [place.name, [
      ["country", place.country || "–"],
      ["GeoNames", place.geonameid ?? "–"],
      ["events", fmt(place.events)],
      ...Object.entries(place.roots || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 6)
        .map(([root, n]) => [`${root} ${ROOT_LABELS[root] || ""}`, fmt(n)]),
    ]]);
    // Filter by GeoNames id when there is one: names repeat (Tripoli, Libya and Lebanon).
    const value = place.geonameid !== null && place.geonameid !== undefined ? String(place.geonameid) : place.name;
    circle.addEventListener("click", () => addFilter("place", value));
    circle.addEventListener("keydown", (event) => { if (event.key === "Enter") addFilter("place", value); });
    dots.append(circle);
  }
  // Name the five busiest places.
  for (const place of sorted.slice(0, 5)) {
    labels.append(svg("text", { x: (px(place.lon) + radius(place.events) + 3).toFixed(1), y: (py(place.lat) + 4).toFixed(1), class: "place-label" }, place.name));
  }
  chart.append(dots, labels);
  container.replaceChildren(chart);
  // The ranking includes places without coordinates, which the map cannot show.
  renderRanking(document.getElementById("place-ranking"), [...(map.items || [])].sort((a, b) => b.events - a.events).map((place) => {
    const value = place.geonameid !== null && place.geonameid !== undefined ? String(place.geonameid) : place.name;
    return {
      label: place.name, sub: place.country, count: place.events, color: rootStyle(dominantRoot(place.roots)).color,
      onPick: () => addFilter("place", value),
    };
  }));
  if (!places.length) container.append(h("div", { class: "chart-note" }, "No events with coordinates match these filters."));
}

/* ---- Network: deterministic force-directed layout. */

/** Small seeded PRNG (mulberry32): the same data always gives the same picture. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fruchterman–Reingold with gravity, a fixed number of iterations and a
 * linear cooling schedule. Nodes are sorted by code first, so the result
 * depends only on the data, not on the order the API sent it in.
 * O(iterations × nodes²): fine for the API's at most 2 × 150 actors.
 */
function forceLayout(nodes, edges, width, height, iterations = 300, seed = 20260303) {
  const random = mulberry32(seed);
  const n = nodes.length;
  const k = 0.9 * Math.sqrt((width * height) / Math.max(1, n));
  const pos = nodes.map(() => ({ x: (random() - 0.5) * width * 0.8, y: (random() - 0.5) * height * 0.8, dx: 0, dy: 0 }));
  const index = new Map(nodes.map((node, i) => [node.code, i]));
  const maxEvents = Math.max(1, ...edges.map((e) => e.events));
  const links = edges
    .map((e) => [index.get(e.source), index.get(e.target), 0.6 + 0.8 * Math.log1p(e.events) / Math.log1p(maxEvents)])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const gravity = 1.2;
  const aspect = Math.sqrt(width / height);
  const start = Math.min(width, height) / 8;
  for (let it = 0; it < iterations; it++) {
    const temperature = start * (1 - it / iterations) + 0.5;
    for (const p of pos) { p.dx = 0; p.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = pos[i], b = pos[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = random() - 0.5; dy = random() - 0.5; d2 = 0.01; } // coincident: nudge apart
        const f = (k * k) / d2; // (k²/d) along the unit vector (dx/d)
        a.dx += dx * f; a.dy += dy * f;
        b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const [s, t, w] of links) {
      const a = pos[s], b = pos[t];
      const dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d / k) * w; // (d²/k) along the unit vector
      a.dx -= dx * f; a.dy -= dy * f;
      b.dx += dx * f; b.dy += dy * f;
    }
    for (const p of pos) {
      // Gravity keeps disconnected pairs from drifting off. It is measured in
      // a space squeezed to the box's aspect ratio, so the layout comes out as
      // an ellipse that fills a wide box rather than a circle in its middle.
      const gx = p.x / aspect, gy = p.y * aspect;
      // Linear in the distance: with the 1/d repulsion that spreads the nodes
      // evenly over a disc instead of piling components onto a ring.
      p.dx -= gx * gravity;
      p.dy -= gy * gravity;
      const len = Math.sqrt(p.dx * p.dx + p.dy * p.dy) || 1;
      const step = Math.min(len, temperature);
      p.x += (p.dx / len) * step;
      p.y += (p.dy / len) * step;
    }
  }
  return pos;
}

function drawNetwork() {
  const container = document.getElementById("network");
  const data = dashboard.data.network;
  const nodes = [...(data.nodes || [])].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const edges = (data.edges || []).filter((e) => e.source && e.target);
  if (!nodes.length) {
    panelMessage(container, "No actor pairs match these filters.");
    renderRanking(document.getElementById("pair-ranking"), []);
    return;
  }
  const width = Math.max(300, container.clientWidth || 500);
  const height = Math.max(340, Math.min(520, Math.round(width * 0.5)));
  const pos = forceLayout(nodes, edges, width, height);

  // Fit the layout into the box, leaving room for the biggest circles and labels.
  const maxEvents = Math.max(1, ...nodes.map((n) => n.events));
  const radius = (e) => 3 + 8 * Math.sqrt(e / maxEvents);
  const pad = { left: 22, right: 64, top: 22, bottom: 22 }; // labels sit right of their circles
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const boxW = width - pad.left - pad.right, boxH = height - pad.top - pad.bottom;
  const scale = Math.min(boxW / Math.max(1, x1 - x0), boxH / Math.max(1, y1 - y0));
  const place = pos.map((p) => ({
    x: pad.left + (p.x - x0) * scale + (boxW - (x1 - x0) * scale) / 2,
    y: pad.top + (p.y - y0) * scale + (boxH - (y1 - y0) * scale) / 2,
  }));
  const at = new Map(nodes.map((node, i) => [node.code, { ...place[i], r: radius(node.events), node }]));

  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Actor network", class: "network-svg" });
  const edgeLayer = svg("g", { class: "edges" });
  const maxEdge = Math.max(1, ...edges.map((e) => e.events));
  const edgeEls = [];
  for (const edge of edges) {
    const a = at.get(edge.source), b = at.get(edge.target);
    if (!a || !b || a === b) continue;
    // A gentle curve to the right of the direction of travel keeps A→B and B→A apart.
    const dx = b.x - a.x, dy = b.y - a.y;
    const len = Math.sqrt(dx * dx + dy * dy) || 1;
    const cx = (a.x + b.x) / 2 - (dy / len) * len * 0.12;
    const cy = (a.y + b.y) / 2 + (dx / len) * len * 0.12;
    // End the line at the target's rim, where the arrowhead goes.
    const tx = b.x - cx, ty = b.y - cy;
    const tl = Math.sqrt(tx * tx + ty * ty) || 1;
    const ux = tx / tl, uy = ty / tl;
    const tipX = b.x - ux * (b.r + 1.5), tipY = b.y - uy * (b.r + 1.5);
    const strokeW = 1.2 + 3.8 * Math.sqrt(edge.events / maxEdge);
    const headLen = 4 + strokeW * 1.2, headW = 2 + strokeW * 0.7;
    const baseX = tipX - ux * headLen, baseY = tipY - uy * headLen;
    const color = rootStyle(dominantRoot(edge.roots)).color;
    const group = svg("g", { class: "edge", "data-source": edge.source, "data-target": edge.target },
      svg("path", { d: `M${a.x.toFixed(1)} ${a.y.toFixed(1)}Q${cx.toFixed(1)} ${cy.toFixed(1)} ${baseX.toFixed(1)} ${baseY.toFixed(1)}`, stroke: color, "stroke-width": strokeW.toFixed(2), fill: "none" }),
      svg("polygon", {
        points: `${tipX.toFixed(1)},${tipY.toFixed(1)} ${(baseX - uy * headW).toFixed(1)},${(baseY + ux * headW).toFixed(1)} ${(baseX + uy * headW).toFixed(1)},${(baseY - ux * headW).toFixed(1)}`,
        fill: color,
      }));
    withTooltip(group, () => [`${edge.source} → ${edge.target}`, [
      ["events", fmt(edge.events)],
      ...Object.entries(edge.roots || {}).sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0])).slice(0, 6)
        .map(([root, n]) => [`${root} ${ROOT_LABELS[root] || ""}`, fmt(n)]),
    ]]);
    edgeEls.push({ el: group, edge });
    edgeLayer.append(group);
  }

  const nodeLayer = svg("g", { class: "nodes" });
  const labelLayer = svg("g", { class: "node-labels" });
  const labelled = new Set([...nodes].sort((a, b) => b.events - a.events).slice(0, 40).map((n) => n.code));
  const selected = dashboard.filters.actor || null;
  for (const node of nodes) {
    const p = at.get(node.code);
    // A click filters by the role the actor plays here: an actor that only
    // receives events filters as target, or the list would come up empty.
    const filterKey = edges.some((e) => e.source === node.code) ? "actor" : "target";
    const circle = svg("circle", {
      class: `node${selected && node.code.startsWith(selected) ? " selected" : ""}`,
      cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: p.r.toFixed(1), tabindex: 0, role: "button",
      "data-actor": node.code, "data-filter": filterKey, "aria-label": `${node.code}: ${node.events} events`,
    });
    const partners = edges.filter((e) => e.source === node.code || e.target === node.code)
      .sort((x, y) => y.events - x.events).slice(0, 5);
    withTooltip(circle, () => [node.code, [
      ["events", fmt(node.events)],
      ...partners.map((e) => [e.source === node.code ? `→ ${e.target}` : `← ${e.source}`, fmt(e.events)]),
    ]]);
    // Hovering an actor brings its own edges forward.
    circle.addEventListener("mouseenter", () => {
      chart.classList.add("focusing");
      for (const { el, edge } of edgeEls) el.classList.toggle("lit", edge.source === node.code || edge.target === node.code);
    });
    circle.addEventListener("mouseleave", () => chart.classList.remove("focusing"));
    circle.addEventListener("click", () => addFilter(filterKey, node.code));
    circle.addEventListener("keydown", (event) => { if (event.key === "Enter") addFilter(filterKey, node.code); });
    nodeLayer.append(circle);
    if (labelled.has(node.code)) {
      labelLayer.append(svg("text", { x: (p.x + p.r + 3).toFixed(1), y: (p.y + 4).toFixed(1), class: "node-label" }, node.code));
    }
  }
  chart.append(edgeLayer, nodeLayer, labelLayer);
  container.replaceChildren(chart);
  renderRanking(document.getElementById("pair-ranking"), [...edges].sort((a, b) => b.events - a.events).map((edge) => ({
    label: `${edge.source} → ${edge.target}`, count: edge.events, color: rootStyle(dominantRoot(edge.roots)).color,
    title: `Events from ${edge.source} to ${edge.target}`,
    onPick: () => go(dashboardHash({ ...dashboard.filters, actor: edge.source, target: edge.target })),
  })));
}

/* ---- Event list. */

function renderEventList(data, filters, offset) {
  const table = document.getElementById("event-list");
  const items = data.items || [];
  for (const event of items) {
    const p = event.place;
    if (p && p.geonameid !== null && p.geonameid !== undefined) dashboard.placeNames.set(String(p.geonameid), p.name);
  }
  renderFilterSummary(filters); // place names may have just become known

  const head = h("thead", {}, h("tr", {},
    h("th", { class: "col-date" }, "Date"), h("th", {}, "Source"), h("th", {}, "Event"),
    h("th", {}, "Target"), h("th", {}, "Place"), h("th", { class: "num", title: "mentions / distinct sources" }, "Mentions / sources")));
  const body = h("tbody", {});
  for (const event of items) {
    const href = `#/event/${encodeURIComponent(event.id)}`;
    const row = h("tr", { "data-event-id": event.id, tabindex: 0, class: "clickable" },
      h("td", { class: "col-date nowrap" }, event.date || unknown("undated")),
      h("td", {}, actorChip(event.source)),
      h("td", { class: "col-event" },
        h("div", { class: "event-cell" },
          codeBadge(event.code),
          h("a", { href, class: "event-label" }, event.label || rootLabel(event.code))),
        event.first_article && event.first_article.title
          ? h("div", { class: "sub" }, event.first_article.title)
          : null),
      h("td", {}, actorChip(event.target)),
      h("td", {}, event.place
        ? [event.place.name || unknown(), event.place.country ? h("span", { class: "country" }, event.place.country) : null]
        : unknown("–")),
      h("td", { class: "num nowrap", title: `${event.mentions} mentions in ${event.articles} articles from ${event.sources} sources` },
        `${fmt(event.mentions)} / ${fmt(event.sources)}`));
    row.style.setProperty("--root", rootStyle(event.code).color);
    // The whole row is a link; the label's own <a> stays for middle-click and keyboard users.
    row.addEventListener("click", (e) => { if (!e.target.closest("a")) go(href); });
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") go(href); });
    body.append(row);
  }
  table.replaceChildren(head, body);
  if (!items.length) {
    body.append(h("tr", { class: "empty" }, h("td", { colspan: 6 }, "No events match these filters.")));
  }

  document.getElementById("event-range").textContent = items.length
    ? `${fmt(offset + 1)}–${fmt(offset + items.length)}, newest first`
    : "";
  const limit = data.limit || EVENTS_PAGE;
  const pager = document.getElementById("event-pager");
  fill(pager,
    offset > 0 ? h("a", { class: "btn", id: "events-prev", href: dashboardHash({ ...filters, offset: Math.max(0, offset - limit) }) }, "← Newer") : null,
    items.length >= limit ? h("a", { class: "btn", id: "events-next", href: dashboardHash({ ...filters, offset: offset + limit }) }, "Older →") : null);
}

/* ------------------------------------------------------------- 7. Event view */

async function showEvent(id, token) {
  document.body.dataset.view = "event";
  document.title = `Event ${id} · Sitrep`;
  const container = h("div", { class: "event-view", id: "event-view" });
  view().replaceChildren(breadcrumbs([["Events", lastDashboardHash], [`Event ${id}`]]), container);
  if (!isId(id)) {
    viewMessage(container, `There is no event “${id}”: event ids are positive integers.`, "error");
    return;
  }
  viewMessage(container, "Loading event…", "loading");
  let event;
  try {
    event = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    if (token === routeToken) viewMessage(container, errorText(err), "error");
    return;
  }
  if (token !== routeToken) return;
  document.title = `${event.code} ${event.label} · Sitrep`;

  const style = rootStyle(event.code);
  const place = event.place;
  const header = h("section", { class: "panel event-head" },
    h("div", { class: "event-title" },
      codeBadge(event.code),
      h("h1", { id: "event-title" }, event.label || rootLabel(event.code))),
    h("p", { class: "event-sentence" },
      actorLink(event.source, "actor"), h("span", { class: "arrow" }, " → "), actorLink(event.target, "target"),
      h("span", { class: "muted" }, " · "), event.date || unknown("undated"),
      place ? [h("span", { class: "muted" }, " · "),
        h("a", { href: dashboardHash({ place: place.geonameid ?? place.name }) }, place.name),
        place.country ? h("span", { class: "country" }, place.country) : null] : null),
    h("dl", { class: "facts" },
      fact("CAMEO", `${event.code} · root ${rootOf(event.code)} ${rootLabel(event.code)}${style.quad ? ` · ${style.quad.name}` : ""}`),
      fact("Reports", `${fmt(event.mentions)} mentions in ${fmt(event.articles)} articles from ${fmt(event.sources)} sources`),
      place ? fact("Place", [place.name,
        place.lat !== null && place.lat !== undefined ? ` (${Number(place.lat).toFixed(3)}, ${Number(place.lon).toFixed(3)})` : "",
        place.geonameid !== null && place.geonameid !== undefined ? ` · GeoNames ${place.geonameid}` : ""]) : null,
      event.first_article ? fact("First report",
        h("a", { href: `#/article/${encodeURIComponent(event.first_article.id)}` }, event.first_article.title || `Article ${event.first_article.id}`)) : null));
  header.style.setProperty("--root", style.color);

  const mentions = event.mention_list || [];
  const rows = mentions.map((m) => {
    const href = `#/article/${encodeURIComponent(m.article_id)}?span=${m.start}-${m.end}`;
    return h("tr", { "data-article-id": m.article_id },
      h("td", {}, h("a", { href, class: "mention-link", "data-article-id": m.article_id }, m.article_title || `Article ${m.article_id}`)),
      h("td", {}, codeBadge(m.code)),
      h("td", {}, m.source_text || unknown("–")),
      h("td", {}, m.target_text || unknown("–")),
      h("td", { class: "evidence" }, m.evidence || unknown("–")),
      h("td", { class: "num" }, typeof m.confidence === "number" ? m.confidence.toFixed(2) : "–"),
      h("td", {}, (m.flags || []).map((f) => h("span", { class: "flag" }, f))));
  });
  const list = h("section", { class: "panel" },
    h("div", { class: "panel-head" }, h("h2", {}, "Mentions"), h("span", { class: "panel-note" }, `${fmt(mentions.length)} reports · open one to see it in its article`)),
    h("div", { class: "table-wrap" },
      h("table", { id: "mention-list", class: "data-table", "data-testid": "mention-list" },
        h("thead", {}, h("tr", {}, ["Article", "Code", "Source text", "Target text", "Evidence", "Conf.", "Flags"].map((t) => h("th", {}, t)))),
        h("tbody", {}, rows.length ? rows : h("tr", { class: "empty" }, h("td", { colspan: 7 }, "No mentions stored."))))));
  container.replaceChildren(header, list);
}

function actorLink(code, key) {
  return code ? h("a", { href: dashboardHash({ [key]: code }), class: "actor-code", title: `Events with ${key} ${code}` }, code) : unknown();
}

function fact(label, value) {
  return h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, value));
}

function breadcrumbs(items) {
  return h("nav", { class: "crumbs", "aria-label": "Breadcrumbs" },
    items.map(([label, href], i) => [
      i ? h("span", { class: "sep" }, "/") : null,
      href ? h("a", { href }, label) : h("span", {}, label),
    ]));
}

/* ----------------------------------------------------------- 8. Article list */

const ARTICLE_FIELDS = [
  { key: "q", label: "Title", placeholder: "words in the title", hint: "contains", type: "search", wide: true },
  { key: "source", label: "Source", placeholder: "Reuters", hint: "exact name" },
  { key: "since", label: "Published since", type: "date" },
  { key: "until", label: "Published until", type: "date" },
];
// `story` has no form field: it comes from a story link and shows as a chip.
const ARTICLE_KEYS = ["q", "source", "since", "until", "story"];
const ARTICLE_KEY_LABELS = { q: "title", source: "source", since: "since", until: "until", story: "story" };
const ARTICLES_PAGE = 100;

const articleList = { filters: {} };

/** The article list hash for `filters` (empty values and offset 0 left out). */
function articlesHash(filters) {
  const params = new URLSearchParams();
  for (const key of [...ARTICLE_KEYS, "offset"]) {
    const value = filters[key];
    if (value !== undefined && value !== null && value !== "" && !(key === "offset" && Number(value) === 0)) params.set(key, value);
  }
  const query = params.toString();
  return query ? `#/articles?${query}` : "#/articles";
}

/** The list filters in the hash. Values the API would refuse with a 400 (a
 *  malformed date or story id typed into the address bar) are not sent but
 *  returned in `ignored`, so the page can say so. */
function articleFilters(params) {
  const filters = {};
  const ignored = [];
  for (const key of ARTICLE_KEYS) {
    const value = (params.get(key) || "").trim();
    if (!value) continue;
    const valid = key === "since" || key === "until" ? ISO_DATE.test(value) : key === "story" ? isId(value) : true;
    if (valid) filters[key] = value;
    else ignored.push([key, value]);
  }
  return { filters, ignored };
}

/** Builds the search form and the list once; a new search only refills them,
 *  so the form keeps its focus. */
function articlesFrame() {
  let root = document.getElementById("articles");
  if (root) return root;
  const form = h("form", { id: "article-search", class: "filter-form", role: "search", autocomplete: "off", "data-testid": "article-search" },
    ARTICLE_FIELDS.map((f) => h("label", { class: `field${f.wide ? " field-wide" : ""}` },
      h("span", { class: "field-label" }, f.label, f.hint ? h("small", {}, f.hint) : null),
      h("input", { id: `search-${f.key}`, name: f.key, type: f.type || "text", placeholder: f.placeholder || null }))),
    h("div", { class: "form-actions" },
      h("button", { type: "submit", class: "btn primary", id: "search-apply" }, "Search"),
      h("button", { type: "button", class: "btn", id: "search-reset", onclick: () => go("#/articles") }, "Reset")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // A story chip stays until removed: the form narrows within the story.
    const filters = { story: articleList.filters.story };
    for (const f of ARTICLE_FIELDS) {
      const value = form.elements[f.key].value.trim();
      if (value) filters[f.key] = value;
    }
    go(articlesHash(filters));
  });

  root = h("div", { id: "articles", class: "articles-view" },
    h("section", { class: "panel filters" }, form, h("div", { id: "article-summary", class: "filter-summary" })),
    h("section", { class: "panel", id: "articles-panel" },
      h("div", { class: "panel-head" },
        h("h2", {}, "Articles"),
        h("span", { id: "article-range", class: "panel-note" })),
      h("div", { class: "table-wrap" },
        h("table", { id: "article-list", class: "data-table", "data-testid": "article-list" })),
      h("div", { id: "article-pager", class: "pager" })));
  view().replaceChildren(root);
  return root;
}

async function showArticles(params, token) {
  document.body.dataset.view = "articles";
  document.title = "Articles · Sitrep";
  articlesFrame();
  const { filters, ignored } = articleFilters(params);
  const offset = Math.min(1000000, Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0)); // the API's range
  articleList.filters = filters;

  const form = document.getElementById("article-search");
  for (const f of ARTICLE_FIELDS) form.elements[f.key].value = filters[f.key] || "";
  renderArticleSummary(filters, ignored);
  document.title = filters.q ? `“${filters.q}” · Articles · Sitrep` : "Articles · Sitrep";

  const table = document.getElementById("article-list");
  if (!table.rows.length) panelMessage(table, "Loading articles…", "loading");
  table.classList.add("is-loading");
  try {
    const data = await api("/api/articles", { ...filters, limit: ARTICLES_PAGE, offset });
    if (token !== routeToken) return;
    renderArticleList(data, filters, offset);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err; // a bug in the renderer: route() reports it
    if (token !== routeToken) return;
    panelMessage(table, errorText(err), "error");
    document.getElementById("article-range").replaceChildren();
    document.getElementById("article-pager").replaceChildren();
  } finally {
    table.classList.remove("is-loading");
  }
}

/** Active filters as removable chips, plus what was ignored from the hash. */
function renderArticleSummary(filters, ignored) {
  const box = document.getElementById("article-summary");
  const keys = ARTICLE_KEYS.filter((key) => filters[key]);
  fill(box,
    keys.length
      ? [h("span", { class: "muted" }, "Filtered by"),
        keys.map((key) => {
          const rest = { ...filters };
          delete rest[key];
          return h("a", { class: "chip", href: articlesHash(rest), title: `Remove the ${ARTICLE_KEY_LABELS[key]} filter`, "data-filter": key },
            h("span", { class: "chip-key" }, ARTICLE_KEY_LABELS[key]), " ", filters[key], h("span", { class: "chip-x", "aria-hidden": "true" }, "×"));
        })]
      : h("span", { class: "muted" }, "All articles, newest first. Search the titles, or narrow by source and publication date."),
    ignored.map(([key, value]) => h("span", { class: "chip chip-bad", title: key === "story" ? "not a story id" : "not a date (YYYY-MM-DD)" },
      h("span", { class: "chip-key" }, `ignored ${key}`), " ", value)));
}

/** "copy of #ID": the article this one near-duplicates, as a link. */
function copyMarker(article) {
  const of = article.near_duplicate_of;
  const similarity = typeof article.similarity === "number" ? ` (similarity ${article.similarity.toFixed(2)})` : "";
  return isId(of)
    ? h("a", { class: "copy-marker", href: `#/article/${encodeURIComponent(of)}`, "data-copy-of": of, title: `Near-duplicate of article ${of}${similarity}` }, `copy of #${of}`)
    : null;
}

function renderArticleList(data, filters, offset) {
  const table = document.getElementById("article-list");
  const items = data.items || [];
  const head = h("thead", {}, h("tr", {},
    h("th", { class: "col-date" }, "Published"), h("th", {}, "Title"), h("th", {}, "Source"),
    h("th", { class: "num" }, "Story"), h("th", {}, "Near-duplicate"), h("th", { class: "num", title: "size of the extracted text" }, "Size")));
  const body = h("tbody", {});
  for (const article of items) {
    const href = `#/article/${encodeURIComponent(article.id)}`;
    const story = article.story_id;
    const row = h("tr", { "data-article-id": article.id, tabindex: 0, class: "clickable" },
      h("td", { class: "col-date nowrap" }, article.published || unknown("undated")),
      h("td", { class: "col-title" },
        h("a", { href, class: "article-link" }, article.title || h("span", { class: "muted" }, "(untitled)")),
        article.url || article.external_id ? h("div", { class: "sub" }, article.url || article.external_id) : null),
      h("td", {}, article.source || unknown()),
      h("td", { class: "num" }, !isId(story) ? unknown("–")
        : String(story) === filters.story ? String(story)
          : h("a", { href: articlesHash({ story }), class: "story-link", title: `All articles of story ${story}` }, String(story))),
      h("td", { class: "nowrap" }, copyMarker(article) || unknown("–")),
      h("td", { class: "num nowrap", title: typeof article.text_bytes === "number" ? `${fmt(article.text_bytes)} bytes of text` : null }, byteSize(article.text_bytes)));
    // As in the event list: the whole row opens the article, its links keep their own targets.
    row.addEventListener("click", (e) => { if (!e.target.closest("a")) go(href); });
    row.addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.target.closest("a")) go(href); });
    body.append(row);
  }
  if (!items.length) body.append(h("tr", { class: "empty" }, h("td", { colspan: 6 }, "No articles match this search.")));
  table.replaceChildren(head, body);

  document.getElementById("article-range").textContent = items.length
    ? `${fmt(offset + 1)}–${fmt(offset + items.length)}, newest first`
    : "";
  const limit = data.limit || ARTICLES_PAGE;
  fill(document.getElementById("article-pager"),
    offset > 0 ? h("a", { class: "btn", id: "articles-prev", href: articlesHash({ ...filters, offset: Math.max(0, offset - limit) }) }, "← Newer") : null,
    items.length >= limit ? h("a", { class: "btn", id: "articles-next", href: articlesHash({ ...filters, offset: offset + limit }) }, "Older →") : null);
}

/* ---- "N versions of this story" on the article view. */

const STORY_FETCH = 100; // versions asked for; a bigger story links to the list for the rest
const STORY_SHOWN = 12;  // listed under the article's head

/** Fills `slot` with the other articles of `article`'s story, when it has any.
 *  Asks only for a real story id; an article alone in its story shows nothing. */
async function showStoryVersions(article, slot, token) {
  const story = article.story_id;
  if (!isId(story)) return;
  let data;
  try {
    data = await api("/api/articles", { story, limit: STORY_FETCH });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (token !== routeToken) return;
    fill(slot, h("p", { class: "muted small" }, `The other versions of story ${story} could not be loaded: ${err.message}`));
    slot.hidden = false;
    return;
  }
  if (token !== routeToken) return;
  const items = data.items || [];
  const others = items.filter((a) => a.id !== article.id);
  if (!others.length) return;
  const total = others.length + 1;
  const more = items.length >= (data.limit || STORY_FETCH); // the story may go on past this page
  const shown = others.slice(0, STORY_SHOWN);
  slot.dataset.versions = more ? `${total}+` : String(total);
  fill(slot,
    h("div", { class: "story-head" },
      h("h2", {}, `${more ? `${fmt(total)}+` : fmt(total)} versions of this story`),
      h("a", { href: articlesHash({ story }), id: "story-list-link", class: "small" },
        shown.length < others.length || more ? `all in the article list` : `story ${story} in the article list`)),
    h("ul", { class: "story-list" }, shown.map((a) => h("li", { "data-article-id": a.id },
      h("a", { href: `#/article/${encodeURIComponent(a.id)}`, class: "story-version" }, a.title || h("span", { class: "muted" }, "(untitled)")),
      h("span", { class: "muted" }, ` · ${a.source || "unknown source"} · ${a.published || "undated"}`),
      a.near_duplicate_of ? [" ", copyMarker(a)] : null))),
    shown.length < others.length ? h("p", { class: "muted small" }, `and ${fmt(others.length - shown.length)}${more ? "+" : ""} more`) : null);
  slot.hidden = false;
}

/* ----------------------------------------------------------- 9. Article view */

/** The annotation layers, in legend order. `cls` is the class on covered text. */
const LAYERS = [
  { key: "events", label: "Event triggers", cls: "l-event" },
  { key: "entities", label: "Entities", cls: "l-entity" },
  { key: "actors", label: "Actors", cls: "l-actor" },
  { key: "places", label: "Places", cls: "l-place" },
  { key: "times", label: "Times", cls: "l-time" },
  { key: "quantities", label: "Quantities", cls: "l-quantity" },
  { key: "quotes", label: "Quotes", cls: "l-quote" },
];

/**
 * Flattens every layer into spans {layer, cls, start, end, item}. An event
 * contributes its trigger words (`triggers`: [[start, end]], or a `trigger`
 * object) as "l-event" and its sentence as the fainter "l-evsent"; without
 * triggers the sentence itself is the "l-event" span, marked `whole` so it is
 * drawn lighter (a bold sentence would shout).
 */
function collectSpans(article) {
  const spans = [];
  const add = (layer, cls, start, end, item, whole = false) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ layer, cls, start, end, item, whole });
  };
  for (const layer of LAYERS) {
    for (const item of article[layer.key] || []) {
      if (layer.key === "events") {
        const triggers = Array.isArray(item.triggers) ? item.triggers.filter((t) => Array.isArray(t) && t.length === 2)
          : item.trigger ? [[item.trigger.start, item.trigger.end]] : [];
        add("events", "l-evsent", item.start, item.end, item);
        if (triggers.length) for (const [s, e] of triggers) add("events", "l-event", s, e, item);
        else add("events", "l-event", item.start, item.end, item, true);
      } else {
        add(layer.key, layer.cls, item.start, item.end, item);
        if (layer.key === "quotes" && item.speaker) add("quotes", "l-speaker", item.speaker.start, item.speaker.end, item);
      }
    }
  }
  return spans;
}

/**
 * Cuts `length` code points at every span boundary and returns the pieces,
 * each with the spans covering it: [{start, end, spans}]. A sweep over the
 * boundaries: O(boundaries × open spans).
 */
function segment(length, spans) {
  const inRange = spans.filter((s) => s.start >= 0 && s.end <= length);
  const cuts = new Set([0, length]);
  for (const s of inRange) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...inRange].sort((a, b) => a.start - b.start);
  const open = new Set();
  const pieces = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    for (const s of open) if (s.end <= start) open.delete(s);
    while (next < byStart.length && byStart[next].start <= start) open.add(byStart[next++]);
    pieces.push({ start, end, spans: [...open] });
  }
  return { pieces, skipped: spans.length - inRange.length };
}

/** Tooltip rows describing one annotation. */
function describe(span) {
  const it = span.item;
  switch (span.cls) {
    case "l-event":
    case "l-evsent":
      return [h("div", { class: "tt-block" },
        h("div", { class: "tt-head" }, codeBadge(it.code), " ", it.label || rootLabel(it.code)),
        h("div", { class: "tt-row" }, h("span", { class: "tt-key" }, "source"), h("span", { class: "tt-value" }, it.source || "unknown", it.source_text ? ` (“${it.source_text}”)` : "")),
        h("div", { class: "tt-row" }, h("span", { class: "tt-key" }, "target"), h("span", { class: "tt-value" }, it.target || "unknown", it.target_text ? ` (“${it.target_text}”)` : "")),
        h("div", { class: "tt-row" }, h("span", { class: "tt-key" }, "date"), h("span", { class: "tt-value" }, it.date || "unknown")),
        h("div", { class: "tt-row" }, h("span", { class: "tt-key" }, "evidence"), h("span", { class: "tt-value" }, it.evidence || "–")),
        typeof it.confidence === "number" ? h("div", { class: "tt-row" }, h("span", { class: "tt-key" }, "confidence"), h("span", { class: "tt-value" }, it.confidence.toFixed(2))) : null,
        it.flags && it.flags.length ? h("div", { class: "tt-row" }, h("span", { class: "tt-key" }, "flags"), h("span", { class: "tt-value" }, it.flags.join(", "))) : null)];
    case "l-entity":
      return [["entity", [it.type || "?", " ", it.canonical || it.text || "", it.actor ? ` · ${it.actor}` : ""]]];
    case "l-actor":
      return [["actor", [it.code || "?", it.canonical ? ` · ${it.canonical}` : ""]]];
    case "l-place":
      return [["place", [it.name || it.text || "?", it.country ? `, ${it.country}` : "", it.geonameid ? ` · GeoNames ${it.geonameid}` : ""]]];
    case "l-time":
      return [["time", [it.type || "", " ", it.value || "unresolved", it.flags && it.flags.length ? ` (${it.flags.join(", ")})` : ""]]];
    case "l-quantity":
      return [["quantity", [it.approximate ? "≈ " : "", it.value !== null && it.value !== undefined ? fmt(it.value) : "?", it.unit ? ` ${it.unit}` : "", it.counted ? ` ${it.counted}` : "",
        it.event_id !== null && it.event_id !== undefined ? ` · event ${it.event_id}` : ""]]];
    case "l-quote":
      return [["quote", [it.kind ? `${it.kind} · ` : "", it.speaker ? `said by ${it.speaker.canonical || it.speaker.text}` : "speaker unknown"]]];
    default:
      return [];
  }
}

async function showArticle(id, params, token) {
  document.body.dataset.view = "article";
  document.title = `Article ${id} · Sitrep`;
  const container = h("div", { class: "article-view", id: "article-view" });
  // Articles belong to the article list, whichever view linked here.
  view().replaceChildren(breadcrumbs([["Articles", lastArticlesHash], [`Article ${id}`]]), container);
  if (!isId(id)) {
    viewMessage(container, `There is no article “${id}”: article ids are positive integers.`, "error");
    return;
  }
  viewMessage(container, "Loading article…", "loading");
  let article;
  try {
    article = await api(`/api/articles/${encodeURIComponent(id)}`);
  } catch (err) {
    if (token === routeToken) viewMessage(container, errorText(err), "error");
    return;
  }
  if (token !== routeToken) return;
  document.title = `${article.title || `Article ${id}`} · Sitrep`;

  const chars = Array.from(article.text || "");
  const spans = collectSpans(article);
  const { pieces, skipped } = segment(chars.length, spans);

  // The text: one text node or <span class="ann ..."> per piece.
  const textEl = h("div", { id: "article-text", class: "article-text", "data-testid": "article-text", lang: article.language || null });
  const coverage = new WeakMap(); // piece element -> covering spans, for the tooltip
  const pieceEls = [];
  for (const piece of pieces) {
    const text = chars.slice(piece.start, piece.end).join("");
    if (!piece.spans.length) {
      textEl.append(document.createTextNode(text));
      continue;
    }
    const classes = new Set(["ann"]);
    for (const s of piece.spans) classes.add(s.cls);
    if (piece.spans.some((s) => s.cls === "l-event") && piece.spans.every((s) => s.cls !== "l-event" || s.whole)) classes.add("l-event-whole");
    const el = h("span", { class: [...classes].join(" "), "data-start": piece.start, "data-end": piece.end }, text);
    // The colour comes from a real trigger first, then a whole-sentence event, then a sentence.
    const trigger = piece.spans.find((s) => s.cls === "l-event" && !s.whole)
      || piece.spans.find((s) => s.cls === "l-event") || piece.spans.find((s) => s.cls === "l-evsent");
    if (trigger) el.style.setProperty("--ev", rootStyle(trigger.item.code).color);
    if (piece.spans.some((s) => s.cls === "l-event")) el.dataset.eventIds = [...new Set(piece.spans.filter((s) => s.layer === "events").map((s) => s.item.event_id))].join(" ");
    coverage.set(el, piece.spans);
    pieceEls.push({ el, start: piece.start, end: piece.end });
    textEl.append(el);
  }

  // One delegated tooltip for the whole text: lists every annotation under the pointer.
  textEl.addEventListener("mouseover", (event) => {
    const el = event.target.closest && event.target.closest(".ann");
    if (!el || !textEl.contains(el)) return;
    const hidden = new Set(LAYERS.filter((l) => textEl.classList.contains(`hide-${l.key}`)).map((l) => l.key));
    const covering = coverage.get(el).filter((s) => !hidden.has(s.layer))
      // Event sentences only when no trigger of the same event is under the pointer.
      .filter((s, _, all) => s.cls !== "l-evsent" || !all.some((o) => o.cls === "l-event" && o.item === s.item))
      .filter((s) => s.cls !== "l-speaker");
    if (!covering.length) { tooltip.hide(); return; }
    const order = ["l-event", "l-evsent", "l-actor", "l-entity", "l-place", "l-time", "l-quantity", "l-quote"];
    covering.sort((a, b) => order.indexOf(a.cls) - order.indexOf(b.cls));
    tooltip.show(event, null, covering.flatMap(describe));
  });
  textEl.addEventListener("mousemove", (event) => tooltip.move(event));
  textEl.addEventListener("mouseleave", () => tooltip.hide());
  textEl.addEventListener("click", (event) => {
    const el = event.target.closest && event.target.closest(".l-event");
    if (el && el.dataset.eventIds && !textEl.classList.contains("hide-events")) go(`#/event/${encodeURIComponent(el.dataset.eventIds.split(" ")[0])}`);
  });

  /** Marks and scrolls to the text of [start, end). */
  const focusRange = (start, end, scroll = true) => {
    for (const p of pieceEls) p.el.classList.remove("focus");
    const hit = pieceEls.filter((p) => p.start >= start && p.end <= end);
    for (const p of hit) p.el.classList.add("focus");
    if (scroll && hit.length) hit[0].el.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  // Legend with per-layer toggles (a hide-<layer> class on the text element).
  const legend = h("div", { class: "layer-legend", id: "layer-toggles", "data-testid": "layer-toggles" },
    LAYERS.map((layer) => {
      const count = (article[layer.key] || []).length;
      const input = h("input", { type: "checkbox", checked: true, "data-layer": layer.key, id: `toggle-${layer.key}` });
      input.addEventListener("change", () => textEl.classList.toggle(`hide-${layer.key}`, !input.checked));
      return h("label", { class: `layer-toggle${count ? "" : " empty"}`, for: `toggle-${layer.key}` },
        input, h("span", { class: `swatch sw-${layer.key}`, "aria-hidden": "true" }), layer.label, h("span", { class: "count" }, fmt(count)));
    }));

  const url = safeURL(article.url);
  const storySlot = h("section", { id: "story-versions", class: "story-versions", "data-testid": "story-versions", hidden: true });
  const head = h("header", { class: "panel article-head" },
    h("h1", { id: "article-title", "data-testid": "article-title" }, article.title || h("span", { class: "muted" }, "(untitled)")),
    h("p", { class: "article-meta", id: "article-meta" },
      article.byline ? h("span", { class: "byline" }, article.byline) : null,
      h("span", { class: "source" }, article.source || "unknown source"),
      h("span", {}, article.published || "undated"),
      article.language ? h("span", {}, article.language) : null,
      article.story_id !== null && article.story_id !== undefined ? h("span", {}, `story ${article.story_id}`) : null,
      article.near_duplicate_of ? h("a", { href: `#/article/${encodeURIComponent(article.near_duplicate_of)}` }, `near-duplicate of ${article.near_duplicate_of}`) : null),
    article.url ? h("p", { class: "article-url" },
      url ? h("a", { href: url, id: "article-url", rel: "noopener noreferrer", target: "_blank" }, article.url)
        : h("span", { id: "article-url", class: "muted" }, article.url)) : null,
    storySlot);

  const main = h("section", { class: "panel article-main" },
    legend,
    skipped ? h("p", { class: "notice" }, `${skipped} annotations point outside the text and are not shown.`) : null,
    textEl);

  const side = h("aside", { class: "article-side", id: "article-side" },
    sideList("Events", "side-events", article.events, (e) => [
      h("div", { class: "side-title" }, codeBadge(e.code), " ", e.label || rootLabel(e.code)),
      h("div", { class: "side-sub" }, e.source || "?", " → ", e.target || "?", " · ", e.date || "undated", " · ",
        h("a", { href: `#/event/${encodeURIComponent(e.event_id)}`, class: "event-link" }, `event ${e.event_id}`)),
    ]),
    sideList("Quotes", "side-quotes", article.quotes, (q) => [
      h("div", { class: "side-quote" }, q.text),
      h("div", { class: "side-sub" }, q.speaker ? `— ${q.speaker.canonical || q.speaker.text}${q.speaker.actor ? ` (${q.speaker.actor})` : ""}` : "— speaker unknown",
        q.kind ? ` · ${q.kind}` : ""),
    ]),
    sideList("Quantities", "side-quantities", article.quantities, (q) => [
      h("div", { class: "side-title" }, q.text),
      h("div", { class: "side-sub" }, q.approximate ? "≈ " : "", q.value !== null && q.value !== undefined ? fmt(q.value) : "?",
        q.unit ? ` ${q.unit}` : "", q.counted ? ` · ${q.counted}` : "",
        q.event_id !== null && q.event_id !== undefined
          ? [" · ", h("a", { href: `#/event/${encodeURIComponent(q.event_id)}`, class: "event-link" }, `event ${q.event_id}`)] : ""),
    ]),
    sideList("Times", "side-times", article.times, (t) => [
      h("div", { class: "side-title" }, t.text),
      h("div", { class: "side-sub" }, t.type || "", " ", t.value || "unresolved", t.flags && t.flags.length ? ` · ${t.flags.join(", ")}` : ""),
    ]),
    sideList("Places", "side-places", article.places, (p) => [
      h("div", { class: "side-title" }, p.text, p.name && p.name !== p.text ? h("span", { class: "muted" }, ` → ${p.name}`) : null),
      h("div", { class: "side-sub" }, p.country || "?", p.geonameid ? [" · ", h("a", { href: dashboardHash({ place: p.geonameid }) }, "events here")] : ""),
    ]),
    sideList("Actors", "side-actors", article.actors, (a) => [
      h("div", { class: "side-title" }, h("span", { class: "actor-code" }, a.code || "?"), " ", a.text),
      a.canonical ? h("div", { class: "side-sub" }, a.canonical) : null,
    ]),
  );
  // Clicking a sidebar entry shows it in the text.
  for (const item of side.querySelectorAll("li[data-start]")) {
    item.addEventListener("click", (event) => {
      if (event.target.closest("a")) return;
      focusRange(Number(item.dataset.start), Number(item.dataset.end));
    });
  }

  container.replaceChildren(head, h("div", { class: "article-layout" }, main, side));

  // The text is up; the story's other versions go above it, so wait for them
  // before scrolling to a sentence (it would move when the list appears).
  await showStoryVersions(article, storySlot, token);
  if (token !== routeToken) return;

  // Coming from an event mention: mark its sentence.
  const wanted = /^(\d+)-(\d+)$/.exec(params.get("span") || "");
  if (wanted) focusRange(Number(wanted[1]), Number(wanted[2]));
}

/** A titled list for the article sidebar; each item remembers its span. */
function sideList(title, id, items, render) {
  items = items || [];
  const sorted = [...items].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return h("section", { class: "side-section", id },
    h("h3", {}, title, h("span", { class: "count" }, fmt(items.length))),
    sorted.length
      ? h("ul", { class: "side-list" }, sorted.map((item) => h("li", { "data-start": item.start, "data-end": item.end, tabindex: 0, title: "Show in the text" }, render(item))))
      : h("p", { class: "muted small" }, "None."));
}

/* ------------------------------------------------------------------- Start */

window.addEventListener("hashchange", route);
loadStats();
route();
