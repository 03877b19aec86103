// Patchbay's live dashboard: one server-sent events stream (/dashboard/stream) drives every panel.
// A snapshot opens the stream; changes follow a few times a second and a tick every second. When the
// stream drops (or goes quiet), everything shown is cleared until a fresh snapshot arrives.
"use strict";

const WINDOW = 900;          // seconds plotted
const ENDED_LINGER = 3000;   // ms an ended call stays listed, struck through
const QUIET_LIMIT = 3500;    // ms without a message before the link counts as lost

const state = { calls: new Map(), rates: [], notifications: [], rejections: [], nodes: [], panels: null, skew: 0 };
let source = null;
let lastMessage = 0;
let selected = null;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child == null ? "" : child));
  return node;
}

function setLink(name, text) {
  const link = $("link");
  link.dataset.state = name;
  link.textContent = text;
}

function clearState() {
  state.calls.clear();
  state.rates = [];
  state.notifications = [];
  state.rejections = [];
  state.nodes = [];
  state.panels = null;
  render();
}

function connect() {
  source = new EventSource("/dashboard/stream");
  source.addEventListener("snapshot", (e) => {
    const s = JSON.parse(e.data);
    heard(s.now);
    state.calls = new Map(s.calls.map((c) => [c.sid, c]));
    state.rates = s.rates;
    state.notifications = s.notifications;
    state.rejections = s.rejections;
    state.nodes = s.nodes;
    $("viewer").textContent = (s.viewer.everything ? "Main account " : "Subaccount ") + s.viewer.accountSid;
    setLink("live", "Live");
    render();
  });
  source.addEventListener("changes", (e) => {
    const c = JSON.parse(e.data);
    heard();
    c.calls.forEach(upsertCall);
    state.notifications = (c.notifications || []).reverse().concat(state.notifications).slice(0, 50);
    state.rejections = (c.rejections || []).reverse().concat(state.rejections).slice(0, 50);
    render();
  });
  source.addEventListener("tick", (e) => {
    const t = JSON.parse(e.data);
    heard(t.now);
    const last = state.rates[state.rates.length - 1];
    if (!last || last[0] < t.rate[0]) state.rates.push(t.rate);
    state.rates = state.rates.slice(-WINDOW);
    if (t.nodes) state.nodes = t.nodes;
    render();
  });
  source.addEventListener("panels", (e) => {
    heard();
    state.panels = JSON.parse(e.data);
    render();
  });
  source.onerror = () => lost();
}

function heard(serverNow) {
  lastMessage = Date.now();
  if (serverNow) state.skew = serverNow - Date.now();
}

function lost() {
  if (source) source.close();
  source = null;
  setLink("lost", "Link lost: reconnecting…");
  clearState();
  setTimeout(connect, 1000);
}

function upsertCall(call) {
  state.calls.set(call.sid, call);
  if (call.ended) setTimeout(() => { if (state.calls.get(call.sid) === call) { state.calls.delete(call.sid); render(); } }, ENDED_LINGER);
  if (selected === call.sid) showTimeline(call.sid);
}

function duration(call) {
  const now = Date.now() + state.skew;
  const from = call.answered || call.seen;
  const seconds = Math.max(0, Math.floor(((call.ended || now) - from) / 1000));
  return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
}

const rows = new Map();  // CallSid → its table row, kept so a row stays the same element while it updates

function rowOf(call) {
  let tr = rows.get(call.sid);
  if (!tr) {
    const sid = el("button", { type: "button", "aria-label": "timeline of " + call.sid }, call.sid);
    sid.addEventListener("click", () => showTimeline(call.sid));
    const first = el("td");
    first.append(sid);
    tr = el("tr", { "data-sid": call.sid });
    tr.append(first, ...["from", "to", "direction", "node", "status", "verb", "duration"].map((name) => el("td", { class: name })));
    rows.set(call.sid, tr);
  }
  return tr;
}

function renderCalls() {
  const body = $("calls").tBodies[0];
  for (const [sid, tr] of rows) {
    if (!state.calls.has(sid)) { tr.remove(); rows.delete(sid); }
  }
  const calls = [...state.calls.values()].sort((a, b) => a.seen - b.seen);
  calls.forEach((c, i) => {
    const tr = rowOf(c);
    tr.dataset.status = c.status;
    tr.className = c.ended ? "ended" : "";
    for (const name of ["from", "to", "direction", "node", "status", "verb"]) {
      const cell = tr.querySelector("." + name);
      if (cell.textContent !== (c[name] || "")) cell.textContent = c[name] || "";
    }
    tr.querySelector(".duration").textContent = duration(c);
    if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] || null);
  });
  $("call-count").textContent = calls.filter((c) => !c.ended).length;
  $("no-calls").hidden = calls.length > 0;
}

async function showTimeline(sid) {
  selected = sid;
  const reply = await fetch("/dashboard/calls/" + encodeURIComponent(sid), { cache: "no-store" });
  if (!reply.ok || selected !== sid) return;
  const found = await reply.json();
  $("timeline-title").textContent = "Timeline of " + sid + " (" + found.call.from + " → " + found.call.to + ")";
  $("timeline-entries").replaceChildren(...found.timeline.map((t) =>
    el("li", {}, el("time", { datetime: t.time }, t.time.substring(11, 23)), t.summary)));
  $("timeline").hidden = false;
}

function polyline(values, max, cls) {
  const points = [];
  const lines = [];
  const flush = () => {
    if (points.length === 1) points.push(points[0].replace(/^[0-9.]+/, (x) => (parseFloat(x) + 2).toFixed(1)));
    if (points.length) lines.push(points.join(" "));
    points.length = 0;
  };
  values.forEach((v, i) => {
    if (v == null) { flush(); return; }
    points.push((i * 900 / (WINDOW - 1)).toFixed(1) + "," + (158 - (v / max) * 150).toFixed(1));
  });
  flush();
  return lines.map((p) => '<polyline class="' + cls + '" points="' + p + '"/>').join("");
}

function padded(column) {
  const rows = state.rates.slice(-WINDOW);
  const values = rows.map((r) => r[column]);
  return new Array(WINDOW - values.length).fill(null).concat(values);
}

function renderCharts() {
  const series = [["started", 1], ["completed", 2], ["failed", 3]].map(([cls, col]) => [cls, padded(col)]);
  const rateMax = Math.max(1, ...series.flatMap(([, v]) => v.filter((x) => x != null)));
  $("rates").innerHTML = series.map(([cls, v]) => polyline(v, rateMax, cls)).join("");
  const last = state.rates.slice(-60);
  const sum = (col) => last.reduce((t, r) => t + r[col], 0);
  $("rates-summary").textContent = "Last minute: " + sum(1) + " started, " + sum(2) + " completed, " + sum(3)
    + " failed; peak " + rateMax + "/s over 15 minutes.";
  const p50 = padded(4);
  const p99 = padded(5);
  const latencyMax = Math.max(1, ...p99.filter((x) => x != null));
  $("latency").innerHTML = polyline(p50, latencyMax, "p50") + polyline(p99, latencyMax, "p99");
  const recent = state.rates.slice().reverse().find((r) => r[4] != null);
  $("latency-summary").textContent = recent ? "Latest: p50 " + recent[4] + " ms, p99 " + recent[5] + " ms; scale up to "
    + latencyMax + " ms." : "No instruction fetches in the last 15 minutes.";
}

function renderNodes() {
  $("nodes").tBodies[0].replaceChildren(...state.nodes.map((n) => n.self
    ? el("tr", { "data-node": n.node }, el("td", {}, n.node + " (this node)"), el("td", { class: "ari-" + n.ari }, n.ari + (n.asterisk ? " (Asterisk " + n.asterisk + ")" : "")),
      el("td", {}, n.store), el("td", {}, n.version), el("td", {}, n.liveCalls))
    : el("tr", { "data-node": n.node }, el("td", {}, n.node), el("td", {}, "last event " + Math.round(n.lastEventMillisAgo / 1000) + " s ago"),
      el("td", {}, ""), el("td", {}, ""), el("td", {}, ""))));
}

function renderNotifications() {
  $("notifications").replaceChildren(...state.notifications.map((n) => el("li", { class: n.Log, "data-code": n.ErrorCode },
    new Date(n.time).toISOString().substring(11, 19) + " " + n.Log + " " + n.ErrorCode + ": " + n.MessageText
    + (n.CallSid ? " (" + n.CallSid + ")" : ""))));
  $("no-notifications").hidden = state.notifications.length > 0;
  $("rejections").replaceChildren(...state.rejections.map((r) => el("li", { "data-limit": r.limit },
    new Date(r.time).toISOString().substring(11, 19) + " " + r.limit + " (" + r.count + ", " + r.in_flight + " in flight): "
    + (r.detail || ""))));
  $("no-rejections").hidden = state.rejections.length > 0;
}

function limited(inFlight, limit) {
  return inFlight + " / " + (limit > 0 ? limit : "no limit");
}

function table(id, rows, cells) {
  $(id).tBodies[0].replaceChildren(...rows.map((row) => el("tr", { "data-sid": row.sid || row.account_sid || row.device },
    ...cells(row).map((cell) => el("td", {}, cell)))));
  const empty = $("no-" + id);
  if (empty) empty.hidden = rows.length > 0;
}

function renderPanels() {
  const p = state.panels || { limits: [], triggers: [], presence: [], sinks: [] };
  table("limits", p.limits, (a) => [a.account_sid, limited(a.calls.in_flight, a.concurrent_calls), a.calls.queued,
    a.calls.rejected, limited(a.api_requests.in_flight, a.api_concurrency), a.api_requests.rejected,
    a.calls_per_second > 0 ? a.calls_per_second : "no limit"]);
  table("triggers", p.triggers, (t) => [(t.friendlyName || t.sid) + " (" + t.accountSid + ")", t.usageCategory,
    t.triggerValue + " " + t.triggerBy, t.recurring || "once", t.dateFired ? t.dateFired.substring(0, 19).replace("T", " ") : "never"]);
  table("presence", p.presence, (d) => [d.identity, d.device, d.endpoint || "", d.status, d.node]);
  table("sinks", p.sinks, (k) => [(k.description || "") + " " + k.sid, k.type, k.status, k.subscriptions, k.delivered,
    k.failedAttempts, k.dropped, k.lagMillis >= 0 ? k.lagMillis + " ms" : "", k.lastFailure || ""]);
}

let pending = false;
function render() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    renderCalls();
    renderCharts();
    renderNodes();
    renderNotifications();
    renderPanels();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  $("timeline-close").addEventListener("click", () => { selected = null; $("timeline").hidden = true; });
  setInterval(() => {
    if (source && lastMessage && Date.now() - lastMessage > QUIET_LIMIT) lost();
    document.querySelectorAll("#calls tbody tr").forEach((tr) => {
      const call = state.calls.get(tr.dataset.sid);
      if (call) tr.querySelector(".duration").textContent = duration(call);
    });
  }, 1000);
  connect();
});
