// Map and timeline: the events of the current filter (Datasette's table JSON, same query string as the
// table), as clustered points coloured by type over country outlines, and as bars per day or week.
// Dragging over the timeline narrows the map and the table link to that period.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("ew-config").textContent);
  const COLS = ["event_id", "type", "location_lat", "location_lon", "location_precision", "location_name",
    "location_country", "date_value", "date_precision", "source_name", "target_name", "trigger_text"];
  const status = document.getElementById("ew-status");
  const mapEl = document.getElementById("ew-map");
  const params = new URLSearchParams(config.query);
  let rows = [];
  let period = { from: params.get("date_value__gte"), to: params.get("date_value__lte") };

  // the filter form shows the current filter
  [["_search", "f-search"], ["type", "f-type"], ["location_country", "f-country"],
   ["date_value__gte", "f-from"], ["date_value__lte", "f-to"]].forEach(([k, id]) => {
    if (params.get(k)) document.getElementById(id).value = params.get(k);
  });
  document.getElementById("ew-filter").addEventListener("submit", () => {
    document.querySelectorAll("#ew-filter input, #ew-filter select").forEach((el) => { if (!el.value) el.disabled = true; });
  });

  async function fetchAll() {
    const base = new URLSearchParams(config.query);
    ["date_value__gte", "date_value__lte"].forEach((k) => base.delete(k));  // the period is applied here, below
    COLS.forEach((c) => base.append("_col", c));
    base.set("_shape", "objects"); base.set("_size", "max"); base.set("_nofacet", "1"); base.set("_nocount", "1");
    let next = null, out = [];
    do {
      const q = new URLSearchParams(base);
      if (next) q.set("_next", next);
      const r = await fetch(config.table_json + "?" + q.toString());
      if (!r.ok) throw new Error("the events API answered " + r.status);
      const body = await r.json();
      out = out.concat(body.rows);
      next = body.next;
    } while (next);
    return out;
  }

  function inPeriod(r) {
    const v = r.date_value;
    if (!period.from && !period.to) return true;
    if (!v) return false;
    return (!period.from || v >= period.from) && (!period.to || v <= period.to);
  }

  // -- the map ----------------------------------------------------------------------------------------
  const map = L.map(mapEl, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 10], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth (world-atlas)");
  const precise = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40 });
  const country = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: 40,
    iconCreateFunction: (c) => L.divIcon({ html: "<div><span>" + c.getChildCount() + "</span></div>",
      className: "marker-cluster ew-cluster-country", iconSize: L.point(40, 40) }),
  });
  map.addLayer(country); map.addLayer(precise);

  fetch(config.world).then((r) => r.json()).then((world) => {
    const land = topojson.feature(world, world.objects.countries);
    L.geoJSON(land, { interactive: false, style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 } })
      .addTo(map).bringToBack();
    mapEl.dataset.basemap = String(land.features.length);
  });

  function popup(r) {
    const div = document.createElement("div");
    const b = document.createElement("strong"); b.textContent = r.type; div.append(b);
    const p = document.createElement("div");
    p.textContent = (r.source_name || "?") + " → " + (r.target_name || "?") + " · " + (r.location_name || "") +
      (r.location_precision === "country" ? " (country only)" : "") + " · " + (r.date_value || "undated");
    const a = document.createElement("a"); a.href = config.article + encodeURIComponent(r.event_id);
    a.textContent = "“" + (r.trigger_text || "") + "” in its article";
    div.append(p, a);
    return div;
  }

  function drawMap(selected) {
    precise.clearLayers(); country.clearLayers();
    const p = [], c = [];
    selected.forEach((r) => {
      if (r.location_lat === null || r.location_lon === null) return;
      const colour = config.colours[r.type] || "#999";
      const isCountry = r.location_precision === "country";
      const icon = L.divIcon({
        className: "ew-pt " + (isCountry ? "ew-pt-country" : "ew-pt-precise"),
        html: isCountry ? '<span style="border-color:' + colour + '"></span>' : '<span style="background:' + colour + '"></span>',
        iconSize: isCountry ? [22, 22] : [12, 12],
      });
      const m = L.marker([r.location_lat, r.location_lon], { icon: icon, title: r.type });
      m.bindPopup(() => popup(r));
      (isCountry ? c : p).push(m);
    });
    precise.addLayers(p); country.addLayers(c);
    mapEl.dataset.points = String(p.length + c.length);
    mapEl.dataset.precise = String(p.length);
    mapEl.dataset.country = String(c.length);
    return p.length + c.length;
  }

  // -- the timeline -----------------------------------------------------------------------------------
  function day(v) {
    const parts = v.split("-").map(Number);
    return Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1) / 1000;
  }
  function bin(t, unit) {
    if (unit === "day") return t;
    const d = new Date(t * 1000), wd = (d.getUTCDay() + 6) % 7;  // Monday-based weeks
    return t - wd * 86400;
  }
  let plot = null;
  function drawTimeline(unit) {
    const chart = document.getElementById("ew-chart");
    const dated = rows.filter((r) => r.date_value);
    const types = Object.keys(config.colours).filter((t) => dated.some((r) => r.type === t));
    const counts = new Map();
    dated.forEach((r) => {
      const x = bin(day(r.date_value), unit);
      if (!counts.has(x)) counts.set(x, {});
      const c = counts.get(x); c[r.type] = (c[r.type] || 0) + 1;
    });
    const xs = Array.from(counts.keys()).sort((a, b) => a - b);
    const stacks = types.map((_, k) => xs.map((x) => types.slice(0, k + 1).reduce((s, t) => s + (counts.get(x)[t] || 0), 0)));
    const order = types.map((_, k) => types.length - 1 - k);  // the tallest stack first, the others over it
    const series = [{}].concat(order.map((k) => ({ label: types[k], fill: config.colours[types[k]], stroke: config.colours[types[k]],
      paths: uPlot.paths.bars({ size: [0.9, 30] }), points: { show: false } })));
    const data = [xs].concat(order.map((k) => stacks[k]));
    if (plot) plot.destroy();
    chart.replaceChildren();
    chart.dataset.bins = String(xs.length);
    if (!xs.length) { chart.textContent = "no dated events"; return; }
    plot = new uPlot({
      width: Math.max(300, chart.clientWidth || 800), height: 220, series: series,
      scales: { x: { time: true } }, legend: { show: true }, cursor: { drag: { x: true, y: false, setScale: false } },
      hooks: { setSelect: [(u) => {
        if (u.select.width < 2) return;
        const iso = (s) => new Date(s * 1000).toISOString().slice(0, 10);
        const a = u.posToVal(u.select.left, "x"), b = u.posToVal(u.select.left + u.select.width, "x");
        setPeriod(iso(a), iso(b + (unit === "week" ? 6 * 86400 : 0)));
      }] },
    }, data, chart);
  }

  function tableLink() {
    const q = new URLSearchParams(config.query);
    ["date_value__gte", "date_value__lte"].forEach((k) => q.delete(k));
    if (period.from) q.set("date_value__gte", period.from);
    if (period.to) q.set("date_value__lte", period.to);
    const qs = q.toString();
    document.getElementById("ew-table-link").href = config.table_base + (qs ? "&" + qs : "");
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
  }

  function refresh() {
    const selected = rows.filter(inPeriod);
    const shown = drawMap(selected);
    const countryOnly = Number(mapEl.dataset.country);
    status.textContent = selected.length + " events" + (period.from || period.to ? " from " + (period.from || "…") + " to " + (period.to || "…") : "") +
      "; " + shown + " on the map (" + (shown - countryOnly) + " at a place, " + countryOnly + " only a country)";
    document.getElementById("f-from").value = period.from || "";
    document.getElementById("f-to").value = period.to || "";
    tableLink();
  }

  function setPeriod(from, to) { period = { from: from, to: to }; refresh(); }

  document.getElementById("ew-clear").addEventListener("click", () => { setPeriod(null, null); if (plot) plot.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false); });
  document.querySelectorAll("input[name=bin]").forEach((el) => el.addEventListener("change", () => drawTimeline(el.value)));

  fetchAll().then((all) => {
    rows = all;
    drawTimeline("day");
    refresh();
    mapEl.dataset.ready = "1";
  }).catch((err) => { status.textContent = "could not load the events: " + err.message; mapEl.dataset.ready = "error"; });
})();
