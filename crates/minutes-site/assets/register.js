// The published register's search: Pagefind's index (search/), searched as you type, with the
// filters of the form; results drawn as a list of links, their count announced politely.
const form = document.getElementById("register");
const count = document.getElementById("count");
const list = document.getElementById("results");
const root = form.dataset.root;
const SHOWN = 20;

const field = (id) => document.getElementById(id);

// Pagefind marks the words found with <mark>; everything else of an excerpt is shown as text.
function excerpt(html) {
  const p = document.createElement("p");
  for (const [i, part] of html.split(/<\/?mark>/).entries()) {
    // A template parses the escaped text without running or keeping any markup, and keeps
    // the spaces around the marked words.
    const t = document.createElement("template");
    t.innerHTML = part;
    const text = t.content.textContent;
    if (i % 2 === 1) {
      const m = document.createElement("mark");
      m.textContent = text;
      p.append(m);
    } else {
      p.append(text);
    }
  }
  return p;
}

function years() {
  const from = Number(field("from").value) || 0;
  const to = Number(field("to").value) || 9999;
  const all = [...field("to").options].map((o) => Number(o.value)).filter((y) => y);
  if (!from && to === 9999) return null;
  return all.filter((y) => y >= from && y <= to).map(String);
}

function filters() {
  const f = {};
  for (const name of ["committee", "decision", "referred", "status"]) {
    const v = field(name).value;
    if (v) f[name] = v;
  }
  const y = years();
  if (y) f.year = { any: y };
  return f;
}

function words(n, shown) {
  const d = form.dataset;
  if (n === 0) return d.none;
  const total = n === 1 ? d.one : d.many.replace("{n}", String(n));
  return shown < n ? `${total}. ${d.shown.replace("{shown}", String(shown)).replace("{n}", String(n))}` : total;
}

let pagefind;
let asked = 0;

async function run() {
  const mine = ++asked;
  const q = field("q").value.trim();
  const f = filters();
  if (!q && Object.keys(f).length === 0) {
    list.replaceChildren();
    count.textContent = "";
    return;
  }
  const found = await pagefind.search(q || null, { filters: f, sort: q ? undefined : { date: "desc" } });
  if (mine !== asked || !found) return;
  const shown = found.results.slice(0, SHOWN);
  const data = await Promise.all(shown.map((r) => r.data()));
  if (mine !== asked) return;
  const items = data.map((d) => {
    const li = document.createElement("li");
    const h = document.createElement("h2");
    const a = document.createElement("a");
    a.href = root + String(d.raw_url ?? d.url).replace(/^\//, "");
    a.textContent = d.meta.title;
    h.append(a);
    const where = document.createElement("p");
    where.textContent = `${d.meta.committee}, ${d.meta.when} – ${d.meta.decision}`;
    li.append(h, where, excerpt(d.excerpt));
    return li;
  });
  list.replaceChildren(...items);
  count.textContent = words(found.results.length, shown.length);
  document.dispatchEvent(new CustomEvent("cofnod:results", { detail: { query: q, count: found.results.length } }));
}

async function start() {
  pagefind = await import(root + "search/pagefind.js");
  await pagefind.options({ basePath: root + "search/", excerptLength: 30 });
  await pagefind.init();
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params) if (field(k)) field(k).value = v;
  form.addEventListener("input", () => run().catch(report));
  form.addEventListener("change", () => run().catch(report));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run().catch(report);
  });
  form.dataset.ready = "true";
  await run();
}

function report(e) {
  count.textContent = String(e && e.message ? e.message : e);
}

start().catch(report);
