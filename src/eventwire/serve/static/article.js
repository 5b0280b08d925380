// The article page: click (or hover) an event to highlight each of its values in the text and show its fields.
(function () {
  "use strict";
  const ROLES = ["evidence", "trigger", "source", "target", "location", "date", "speaker", "via"];
  const data = JSON.parse(document.getElementById("ew-data").textContent);
  const text = document.getElementById("ew-text");
  const detail = document.getElementById("ew-detail");
  const cards = Array.from(document.querySelectorAll(".ew-event"));
  let pinned = null;

  function clear() {
    text.querySelectorAll("[class*='sel-']").forEach((el) => {
      el.className = el.className.split(" ").filter((c) => !c.startsWith("sel-")).join(" ");
    });
    cards.forEach((c) => c.classList.remove("active"));
  }

  function field(dl, name, value) {
    if (value === null || value === undefined || value === "") return;
    const dt = document.createElement("dt"); dt.textContent = name;
    const dd = document.createElement("dd"); dd.textContent = String(value);
    dl.append(dt, dd);
  }

  function actor(a) {
    if (!a) return null;
    let s = a.name + (a.country ? " (" + a.country + (a.sector ? " " + a.sector : "") + ")" : "");
    if (a.text && a.text !== a.name) s += " ← “" + a.text + "”";
    if (a.inferred) s += " [inferred: " + a.inferred + "]";
    return s;
  }

  function show(i) {
    const e = data.events[i];
    detail.replaceChildren();
    const dl = document.createElement("dl");
    field(dl, "type", e.type + (e.mode ? " / " + e.mode : ""));
    field(dl, "source", actor(e.source));
    field(dl, "target", actor(e.target));
    if (e.location) field(dl, "where", e.location.name + " (" + [e.location.country, e.location.precision].filter(Boolean).join(", ") + ") ← “" + e.location.text + "”");
    if (e.date) field(dl, "when", e.date.value + " (" + e.date.precision + ")" + (e.date.text ? " ← “" + e.date.text + "”" : " (from published)"));
    if (e.attribution) {
      const a = e.attribution;
      field(dl, "according to", a.kind + (a.speaker ? ": " + a.speaker.name : "") + (a.via ? ", via " + a.via.name : ""));
    }
    field(dl, "trigger", "“" + e.trigger.text + "” [" + e.trigger.span.join(":") + "]");
    field(dl, "rule", e.rule);
    field(dl, "confidence", typeof e.confidence === "number" ? e.confidence.toFixed(2) : e.confidence);
    field(dl, "flags", [e.negated ? "negated" : "", e.hypothetical ? "hypothetical" : ""].filter(Boolean).join(", ") || "none");
    field(dl, "coder", e.coder);
    field(dl, "explanation", e.explanation);
    field(dl, "event id", e.event_id);
    detail.append(dl);
    detail.hidden = false;
  }

  function select(i, scroll) {
    clear();
    ROLES.forEach((role) => {
      text.querySelectorAll('[data-m~="e' + i + "-" + role + '"]').forEach((el) => el.classList.add("sel-" + role));
    });
    cards[i].classList.add("active");
    show(i);
    if (scroll) {
      const first = text.querySelector('[data-m~="e' + i + '-trigger"]');
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  function selectQuote(i) {
    clear();
    text.querySelectorAll('[data-m~="q' + i + '-quote"]').forEach((el) => el.classList.add("sel-quote"));
    text.querySelectorAll('[data-m~="q' + i + '-qspeaker"]').forEach((el) => el.classList.add("sel-qspeaker"));
    const first = text.querySelector('[data-m~="q' + i + '-quote"]');
    if (first) first.scrollIntoView({ block: "center" });
  }

  cards.forEach((card, i) => {
    card.addEventListener("click", () => { pinned = i; select(i, true); history.replaceState(null, "", "#" + card.id); });
    card.addEventListener("keydown", (ev) => { if (ev.key === "Enter") card.click(); });
    card.addEventListener("mouseenter", () => select(i, false));
    card.addEventListener("mouseleave", () => { if (pinned !== null) select(pinned, false); else { clear(); detail.hidden = true; } });
  });
  document.querySelectorAll("#ew-quotes li").forEach((li) => {
    li.addEventListener("click", () => selectQuote(Number(li.dataset.q)));
  });
  text.addEventListener("click", (ev) => {
    const el = ev.target.closest("[data-m]");
    if (!el) return;
    const tags = el.dataset.m.split(" ");
    const tag = tags.find((t) => t.endsWith("-trigger")) || tags.find((t) => t.startsWith("e"));
    if (tag) { pinned = Number(tag.slice(1, tag.indexOf("-"))); select(pinned, false); cards[pinned].scrollIntoView({ block: "nearest" }); }
  });
  const why = document.getElementById("ew-why-not");
  why.addEventListener("click", () => {
    const box = document.getElementById("ew-rejections");
    box.hidden = !box.hidden;
    why.setAttribute("aria-expanded", String(!box.hidden));
  });
  const hash = decodeURIComponent(location.hash.slice(1));
  const start = cards.findIndex((c) => c.id === hash);
  if (start >= 0) { pinned = start; select(start, true); }
})();
