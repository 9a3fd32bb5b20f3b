/* kexie-graph view: draws the graph held in #kx-data with vis-network.
 *
 * Every string that comes from the data is untrusted. It reaches the page only through textContent
 * (or as a vis-network canvas label, which is drawn, never parsed); nothing here uses innerHTML,
 * insertAdjacentHTML, document.write or vis-network's HTML titles.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var D = JSON.parse(document.getElementById("kx-data").textContent);
  var N = D.nodes;
  var E = D.edges;
  var n = N.cls.length;
  var m = E.from.length;
  var lang = D.lang === "en" ? "en" : "zh";
  var big = n > 5000 || m > 5000;

  var UI = {
    zh: {
      search: "搜索名称…", classes: "类别", predicates: "关系", articles: "文章", all: "全选",
      none: "全不选", edgeLabels: "显示关系名称", stats: "{n} 个实体 · {m} 条关系",
      statsOf: "显示 {vn}/{n} 个实体 · {vm}/{m} 条关系", empty: "此视图为空：没有可显示的实体。",
      close: "关闭", names: "名称", aliases: "别名", iri: "IRI", relations: "关系", figures: "数据",
      evidence: "证据", inArticles: "出处", more: "另有 {k} 条未列出", noResults: "无匹配",
      hidden: "（已筛除）", during: "时期", kind: "类型", article: "文章", chars: "字符 {b}–{e}",
      edge: "关系"
    },
    en: {
      search: "Search names…", classes: "Classes", predicates: "Relations", articles: "Articles",
      all: "All", none: "None", edgeLabels: "Show relation names", stats: "{n} entities · {m} relations",
      statsOf: "Showing {vn}/{n} entities · {vm}/{m} relations", empty: "This view is empty: there are no entities to show.",
      close: "Close", names: "Names", aliases: "Aliases", iri: "IRI", relations: "Relations",
      figures: "Figures", evidence: "Evidence", inArticles: "Sources", more: "{k} more not listed",
      noResults: "No match", hidden: " (filtered out)", during: "Period", kind: "Kind", article: "Article",
      chars: "characters {b}–{e}", edge: "Relation"
    }
  };

  function t(key, vars) {
    var s = UI[lang][key];
    if (vars) {
      Object.keys(vars).forEach(function (k) { s = s.split("{" + k + "}").join(String(vars[k])); });
    }
    return s;
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }

  function nodeLabel(i) { return lang === "en" ? (N.en[i] || N.zh[i]) : N.zh[i]; }
  function otherLabel(i) { return lang === "en" ? (N.en[i] ? N.zh[i] : "") : N.en[i]; }
  function className(c) { return D.classes[c][lang]; }
  function predLabel(p) { return D.predicates[p][lang]; }
  function edgeLabel(j) {
    var own = E.label[j];
    return own.length ? (lang === "en" ? own[1] || own[0] : own[0]) : predLabel(E.pred[j]);
  }
  function articleTitle(a) {
    var art = D.articles[a];
    if (!art) { return ""; }
    return (art.title || art.iri) + (art.date ? " (" + art.date + ")" : "");
  }

  // ---- state of the filters -------------------------------------------------------------------
  var classOn = D.classes.map(function () { return true; });
  var predOn = D.predicates.map(function () { return true; });
  var articleOn = D.articles.map(function () { return true; });
  var nodeShown = new Uint8Array(n);
  var edgeShown = new Uint8Array(m);
  var showEdgeLabels = !!D.edgeLabels;

  function anyOn(list) {
    if (!list.length) { return -1; }  // says nothing about articles: follows its neighbours
    for (var k = 0; k < list.length; k++) { if (articleOn[list[k]]) { return 1; } }
    return 0;
  }

  function computeVisibility() {
    var allArticles = articleOn.every(function (x) { return x; });
    var state = new Int8Array(n);  // 1 shown, 0 hidden, -1 undecided (no article of its own)
    var i, j;
    for (i = 0; i < n; i++) {
      state[i] = !classOn[N.cls[i]] ? 0 : (allArticles ? 1 : anyOn(N.articles[i]));
    }
    var edge = new Uint8Array(m);
    for (j = 0; j < m; j++) {
      var a = state[E.from[j]], b = state[E.to[j]];
      var own = allArticles ? 1 : anyOn(E.articles[j]);
      edge[j] = predOn[E.pred[j]] && own !== 0 && a !== 0 && b !== 0 && (a === 1 || b === 1 || own === 1) ? 1 : 0;
    }
    var touched = new Uint8Array(n);
    for (j = 0; j < m; j++) { if (edge[j]) { touched[E.from[j]] = 1; touched[E.to[j]] = 1; } }
    for (i = 0; i < n; i++) { nodeShown[i] = state[i] === 1 || (state[i] === -1 && touched[i]) ? 1 : 0; }
    for (j = 0; j < m; j++) { edgeShown[j] = edge[j] && nodeShown[E.from[j]] && nodeShown[E.to[j]] ? 1 : 0; }
  }

  // ---- vis data --------------------------------------------------------------------------------
  computeVisibility();
  var visNodes = new Array(n);
  for (var i = 0; i < n; i++) {
    visNodes[i] = {
      id: i, label: nodeLabel(i), x: N.x[i], y: N.y[i], size: N.size[i],
      group: D.classes[N.cls[i]].name, hidden: !nodeShown[i]
    };
    // a colour computed for the node (e.g. its community) overrides its class colour
    if (N.color && N.color[i]) {
      visNodes[i].color = { background: N.color[i], border: "#2b2b2b",
                            highlight: { background: N.color[i], border: "#000000" } };
    }
  }
  var visEdges = new Array(m);
  for (var j = 0; j < m; j++) {
    var ed = { id: j, from: E.from[j], to: E.to[j], hidden: !edgeShown[j] };
    if (showEdgeLabels) { ed.label = edgeLabel(j); }
    if (D.predicates[E.pred[j]].symmetric) { ed.arrows = { to: { enabled: false } }; }
    visEdges[j] = ed;
  }

  var groups = {};
  D.classes.forEach(function (c) {
    groups[c.name] = {
      shape: c.shape,
      color: { background: c.color, border: "#2b2b2b", highlight: { background: c.color, border: "#000000" },
               hover: { background: c.color, border: "#000000" } }
    };
  });

  var physics = D.layout === "physics" && n > 0;
  var options = {
    autoResize: true,
    groups: groups,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: physics ? {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -5000, centralGravity: 0.6, springLength: 120, springConstant: 0.03, avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: D.iterations, updateInterval: 50, fit: true }
    } : false,
    nodes: { borderWidth: 1, font: { size: 14, face: "sans-serif", color: "#1f2328", strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { label: { drawThreshold: 6 } } },
    edges: { smooth: false, width: 1, selectionWidth: 2,
             color: { color: "#9aa3ad", highlight: "#1f2328", hover: "#4a5560", inherit: false },
             arrows: { to: { enabled: true, scaleFactor: 0.5 } },
             font: { size: 11, align: "middle", color: "#4a5560", strokeWidth: 3, strokeColor: "#ffffff" } },
    interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false,
                   tooltipDelay: 3600000, multiselect: false }
  };

  var network = null;
  var nodesDS = null;
  var edgesDS = null;

  function markReady() { root.dataset.graphReady = "true"; }

  function draw() {
    if (n === 0) {
      var empty = $("kx-empty");
      empty.hidden = false;
      empty.textContent = t("empty");
      markReady();
      return;
    }
    nodesDS = new vis.DataSet(visNodes);
    edgesDS = new vis.DataSet(visEdges);
    network = new vis.Network($("kx-net"), { nodes: [], edges: [] }, options);
    window.kexieNetwork = network;
    if (physics) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: false });
        network.fit({ animation: false });
        network.once("afterDrawing", markReady);
        network.redraw();
      });
    } else {
      network.once("afterDrawing", markReady);
    }
    network.setData({ nodes: nodesDS, edges: edgesDS });
    if (!physics) { network.fit({ animation: false }); }
    network.on("click", onClick);
    network.on("hoverNode", function (p) { showTip(nodeTip(p.node), p.pointer.DOM); });
    network.on("hoverEdge", function (p) { showTip(edgeTip(p.edge), p.pointer.DOM); });
    network.on("blurNode", hideTip);
    network.on("blurEdge", hideTip);
    network.on("dragStart", hideTip);
    network.on("zoom", hideTip);
    if (D.focus.length) {
      network.once("afterDrawing", function () { network.selectNodes(D.focus); });
    }
  }

  // ---- tooltip -----------------------------------------------------------------------------------
  var tip = $("kx-tip");
  function nodeTip(i) {
    var box = el("div");
    box.appendChild(el("strong", null, nodeLabel(i)));
    var other = otherLabel(i);
    if (other) { box.appendChild(el("div", "kx-muted", other)); }
    box.appendChild(el("div", "kx-muted", D.classes[N.cls[i]].glyph + " " + className(N.cls[i])));
    return box;
  }
  function edgeTip(j) {
    var box = el("div");
    box.appendChild(el("span", null, nodeLabel(E.from[j])));
    box.appendChild(el("strong", null, " — " + edgeLabel(j) + " → "));
    box.appendChild(el("span", null, nodeLabel(E.to[j])));
    return box;
  }
  function showTip(content, at) {
    clear(tip);
    tip.appendChild(content);
    tip.hidden = false;
    var host = $("kx-net").getBoundingClientRect();
    tip.style.left = Math.round(host.left + at.x + 14) + "px";
    tip.style.top = Math.round(host.top + at.y + 14) + "px";
  }
  function hideTip() { tip.hidden = true; }

  // ---- side panel -------------------------------------------------------------------------------
  var panel = $("kx-panel");
  var adjacency = null;
  function neighbours() {
    if (!adjacency) {
      adjacency = [];
      for (var i = 0; i < n; i++) { adjacency.push([]); }
      for (var j = 0; j < m; j++) { adjacency[E.from[j]].push(j); if (E.to[j] !== E.from[j]) { adjacency[E.to[j]].push(j); } }
    }
    return adjacency;
  }

  function section(title) {
    var s = el("section");
    s.appendChild(el("h3", null, title));
    panel.appendChild(s);
    return s;
  }
  function nodeLink(i) {
    var b = el("button", "kx-link", nodeLabel(i));
    b.type = "button";
    b.addEventListener("click", function () { selectNode(i); });
    return b;
  }
  function evidenceList(parent, items, total) {
    var ul = el("ul", "kx-evidence");
    items.forEach(function (ev) {
      var li = el("li");
      var where = el("div", "kx-muted");
      var art = ev[0] >= 0 ? articleTitle(ev[0]) : "";
      where.textContent = (art ? art + " · " : "") + t("chars", { b: ev[1], e: ev[2] });
      li.appendChild(where);
      var sentence = ev[4], start = ev[5], anchor = ev[3];
      var q = el("blockquote");
      var at = start >= 0 ? ev[1] - start : -1;
      if (sentence && at >= 0 && sentence.substr(at, anchor.length) === anchor) {
        q.appendChild(document.createTextNode(sentence.slice(0, at)));
        q.appendChild(el("mark", null, anchor));
        q.appendChild(document.createTextNode(sentence.slice(at + anchor.length)));
      } else if (sentence) {
        q.textContent = sentence;
      } else {
        q.appendChild(el("mark", null, anchor));
      }
      li.appendChild(q);
      ul.appendChild(li);
    });
    parent.appendChild(ul);
    if (total > items.length) { parent.appendChild(el("p", "kx-muted", t("more", { k: total - items.length }))); }
  }
  function articleList(parent, arts) {
    var ul = el("ul", "kx-plain");
    arts.slice(0, 50).forEach(function (a) { ul.appendChild(el("li", null, articleTitle(a))); });
    parent.appendChild(ul);
    if (arts.length > 50) { parent.appendChild(el("p", "kx-muted", t("more", { k: arts.length - 50 }))); }
  }
  function panelHeader(title, subtitle) {
    clear(panel);
    panel.hidden = false;
    var head = el("header");
    head.appendChild(el("h2", null, title));
    var close = el("button", "kx-close", "×");
    close.type = "button";
    close.title = t("close");
    close.setAttribute("aria-label", t("close"));
    close.addEventListener("click", function () { panel.hidden = true; current = null; if (network) { network.unselectAll(); } });
    head.appendChild(close);
    panel.appendChild(head);
    if (subtitle) { panel.appendChild(el("p", "kx-sub", subtitle)); }
  }

  var current = null;
  function showNode(i) {
    current = ["node", i];
    var c = N.cls[i];
    var kind = N.kind[i].length ? " · " + (lang === "en" ? N.kind[i][1] : N.kind[i][0]) : "";
    panelHeader(nodeLabel(i), D.classes[c].glyph + " " + className(c) + kind + (nodeShown[i] ? "" : t("hidden")));
    var names = section(t("names"));
    var ul = el("ul", "kx-plain");
    ul.appendChild(el("li", null, "zh: " + N.zh[i]));
    if (N.en[i]) { ul.appendChild(el("li", null, "en: " + N.en[i])); }
    names.appendChild(ul);
    if (N.aliases[i].length) {
      var al = section(t("aliases"));
      var ua = el("ul", "kx-plain");
      N.aliases[i].forEach(function (a) { ua.appendChild(el("li", null, a)); });
      al.appendChild(ua);
    }
    section(t("iri")).appendChild(el("code", "kx-iri", N.iri[i]));
    var adj = neighbours()[i];
    if (adj.length) {
      var rel = section(t("relations"));
      var ur = el("ul", "kx-plain");
      adj.slice(0, 200).forEach(function (j) {
        var li = el("li");
        var out = E.from[j] === i;
        li.appendChild(el("span", "kx-muted", out ? edgeLabel(j) + " → " : "← " + edgeLabel(j) + " · "));
        li.appendChild(nodeLink(out ? E.to[j] : E.from[j]));
        var more = el("button", "kx-link kx-small", "ⓘ");
        more.type = "button";
        more.title = t("evidence");
        more.addEventListener("click", function () { showEdge(j); });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(more);
        ur.appendChild(li);
      });
      rel.appendChild(ur);
      if (adj.length > 200) { rel.appendChild(el("p", "kx-muted", t("more", { k: adj.length - 200 }))); }
    }
    if (N.facts[i].length) {
      var fs = section(t("figures"));
      N.facts[i].forEach(function (f) {
        var line;
        if (f.type === "figure") {
          line = (f.indicator || "") + ": " + (f.comparator ? f.comparator + " " : "") + (f.value || "") +
            (f.unit_label ? " " + f.unit_label : "") + (f.year ? " (" + f.year + ")" : "");
        } else {
          line = (f.predicate || "") + ": " + (f.value || "");
        }
        fs.appendChild(el("p", null, line));
        if (f.evidence) { evidenceList(fs, [f.evidence], 1); }
      });
    }
    if (N.articles[i].length) { articleList(section(t("inArticles")), N.articles[i]); }
    if (N.evidence[i].length) { evidenceList(section(t("evidence")), N.evidence[i], N.nev[i]); }
  }

  function showEdge(j) {
    current = ["edge", j];
    panelHeader(edgeLabel(j), t("edge") + (edgeShown[j] ? "" : t("hidden")));
    var s = section(t("relations"));
    var p = el("p");
    p.appendChild(nodeLink(E.from[j]));
    p.appendChild(el("span", "kx-muted", " — " + edgeLabel(j) + " → "));
    p.appendChild(nodeLink(E.to[j]));
    s.appendChild(p);
    if (E.during[j].length) {
      section(t("during")).appendChild(el("p", null, E.during[j].map(function (d) { return d.split(/[#/]/).pop(); }).join(", ")));
    }
    if (E.articles[j].length) { articleList(section(t("inArticles")), E.articles[j]); }
    if (E.evidence[j].length) { evidenceList(section(t("evidence")), E.evidence[j], E.nev[j]); }
  }

  function refreshPanel() {
    if (!current || panel.hidden) { return; }
    if (current[0] === "node") { showNode(current[1]); } else { showEdge(current[1]); }
  }

  function onClick(params) {
    hideTip();
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  }

  function selectNode(i) {
    showNode(i);
    if (!network) { return; }
    if (nodeShown[i]) {
      network.selectNodes([i]);
      // centre the node in the part of the canvas the panel leaves visible
      var offset = panel.hidden ? 0 : -panel.offsetWidth / 2;
      network.focus(i, { scale: Math.max(network.getScale(), 1.0), offset: { x: offset, y: 0 },
                         animation: big ? false : { duration: 300 } });
    } else {
      network.unselectAll();
    }
  }

  // ---- search -------------------------------------------------------------------------------------
  var searchIndex = null;
  function buildIndex() {
    searchIndex = new Array(n);
    for (var i = 0; i < n; i++) {
      searchIndex[i] = [N.zh[i], N.en[i]].concat(N.aliases[i]).join("\u0001").toLowerCase();
    }
  }
  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    if (!searchIndex) { buildIndex(); }
    var hits = [];
    for (var i = 0; i < n; i++) {
      var at = searchIndex[i].indexOf(q);
      if (at < 0) { continue; }
      var names = searchIndex[i].split("\u0001");
      var rank = names.indexOf(q) >= 0 ? 0 : (names.some(function (s) { return s.indexOf(q) === 0; }) ? 1 : 2);
      hits.push([rank, N.zh[i].length, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.slice(0, 30).map(function (h) { return h[2]; });
  }
  var results = $("kx-results");
  var searchBox = $("kx-search");
  var searchTimer = 0;
  function renderResults() {
    var hits = search(searchBox.value);
    clear(results);
    if (!searchBox.value.trim()) { results.hidden = true; return; }
    if (!hits.length) { results.appendChild(el("li", "kx-muted", t("noResults"))); }
    hits.forEach(function (i) {
      var li = el("li");
      var b = el("button", "kx-hit");
      b.type = "button";
      b.appendChild(el("span", "kx-glyph", D.classes[N.cls[i]].glyph));
      b.lastChild.style.color = D.classes[N.cls[i]].color;
      b.appendChild(el("span", null, " " + nodeLabel(i)));
      var other = otherLabel(i);
      if (other) { b.appendChild(el("span", "kx-muted", " " + other)); }
      if (!nodeShown[i]) { b.appendChild(el("span", "kx-muted", t("hidden"))); }
      b.addEventListener("click", function () { results.hidden = true; selectNode(i); });
      li.appendChild(b);
      results.appendChild(li);
    });
    results.hidden = false;
  }
  searchBox.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(renderResults, n > 5000 ? 200 : 60);
  });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      clearTimeout(searchTimer);
      var hits = search(searchBox.value);
      renderResults();
      if (hits.length) { results.hidden = true; selectNode(hits[0]); }
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });

  // ---- filters ----------------------------------------------------------------------------------
  function applyFilters() {
    var beforeN = nodeShown.slice(), beforeE = edgeShown.slice();
    computeVisibility();
    if (network) {
      var nu = [], eu = [];
      for (var i = 0; i < n; i++) { if (nodeShown[i] !== beforeN[i]) { nu.push({ id: i, hidden: !nodeShown[i] }); } }
      for (var j = 0; j < m; j++) { if (edgeShown[j] !== beforeE[j]) { eu.push({ id: j, hidden: !edgeShown[j] }); } }
      if (nu.length) { nodesDS.update(nu); }
      if (eu.length) { edgesDS.update(eu); }
    }
    updateStats();
    refreshPanel();
  }
  function checkbox(list, index, onChange) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = list[index];
    box.addEventListener("change", function () { list[index] = box.checked; onChange(); });
    return box;
  }
  var legendText = [], predText = [];
  function buildSide() {
    var legend = $("kx-legend");
    D.classes.forEach(function (c, k) {
      if (!c.count) { return; }
      var li = el("li");
      var label = el("label");
      label.appendChild(checkbox(classOn, k, applyFilters));
      var g = el("span", "kx-glyph", c.glyph);
      g.style.color = c.color;
      label.appendChild(g);
      var name = el("span");
      legendText.push([name, k]);
      label.appendChild(name);
      label.appendChild(el("span", "kx-count", c.count));
      li.appendChild(label);
      legend.appendChild(li);
    });
    var preds = $("kx-predicates");
    D.predicates.forEach(function (p, k) {
      var li = el("li");
      var label = el("label");
      label.appendChild(checkbox(predOn, k, applyFilters));
      var name = el("span");
      predText.push([name, k]);
      label.appendChild(name);
      label.appendChild(el("span", "kx-count", p.count));
      li.appendChild(label);
      preds.appendChild(li);
    });
    var arts = $("kx-articles");
    var boxes = [];
    D.articles.forEach(function (a, k) {
      var li = el("li");
      var label = el("label");
      var box = checkbox(articleOn, k, applyFilters);
      boxes.push(box);
      label.appendChild(box);
      label.appendChild(el("span", null, articleTitle(k)));
      label.appendChild(el("span", "kx-count", a.count));
      label.title = a.iri;
      li.appendChild(label);
      arts.appendChild(li);
    });
    if (!D.articles.length) { $("kx-articles-box").hidden = true; }
    function setAll(value) {
      for (var k = 0; k < articleOn.length; k++) { articleOn[k] = value; boxes[k].checked = value; }
      applyFilters();
    }
    $("kx-all").addEventListener("click", function () { setAll(true); });
    $("kx-none").addEventListener("click", function () { setAll(false); });
    var edgeBox = $("kx-edge-labels");
    edgeBox.checked = showEdgeLabels;
    edgeBox.addEventListener("change", function () { showEdgeLabels = edgeBox.checked; relabelEdges(); });
  }

  function relabelEdges() {
    if (!edgesDS) { return; }
    var up = new Array(m);
    for (var j = 0; j < m; j++) { up[j] = { id: j, label: showEdgeLabels ? edgeLabel(j) : "" }; }
    edgesDS.update(up);
  }

  // ---- language ---------------------------------------------------------------------------------
  function updateStats() {
    var vn = 0, vm = 0, k;
    for (k = 0; k < n; k++) { vn += nodeShown[k]; }
    for (k = 0; k < m; k++) { vm += edgeShown[k]; }
    $("kx-stats").textContent = vn === n && vm === m ? t("stats", { n: n, m: m }) : t("statsOf", { vn: vn, n: n, vm: vm, m: m });
  }
  function uiText() {
    root.lang = lang;
    $("kx-title").textContent = D.title;
    searchBox.placeholder = t("search");
    searchBox.setAttribute("aria-label", t("search"));
    $("kx-h-classes").textContent = t("classes");
    $("kx-h-predicates").textContent = t("predicates");
    $("kx-h-articles").textContent = t("articles");
    $("kx-all").textContent = t("all");
    $("kx-none").textContent = t("none");
    $("kx-t-edge-labels").textContent = t("edgeLabels");
    legendText.forEach(function (p) { p[0].textContent = " " + className(p[1]); });
    predText.forEach(function (p) { p[0].textContent = " " + predLabel(p[1]); });
    $("kx-lang-zh").setAttribute("aria-pressed", String(lang === "zh"));
    $("kx-lang-en").setAttribute("aria-pressed", String(lang === "en"));
    if (n === 0) { $("kx-empty").textContent = t("empty"); }
    updateStats();
  }
  function setLang(next) {
    if (next === lang) { return; }
    lang = next;
    uiText();
    if (nodesDS) {
      var up = new Array(n);
      for (var i = 0; i < n; i++) { up[i] = { id: i, label: nodeLabel(i) }; }
      nodesDS.update(up);
      if (showEdgeLabels) { relabelEdges(); }
    }
    if (!results.hidden) { renderResults(); }
    refreshPanel();
  }
  $("kx-lang-zh").addEventListener("click", function () { setLang("zh"); });
  $("kx-lang-en").addEventListener("click", function () { setLang("en"); });

  buildSide();
  uiText();
  draw();
  window.kexieView = { selectNode: selectNode, setLang: setLang, search: search, applyFilters: applyFilters };
})();
