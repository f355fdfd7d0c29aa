/* kg view: the interactive network of one knowledge graph.
 *
 * Data comes from the JSON block #kg-data. Every string in it came from news text, so it only
 * ever reaches the page as text: textContent, option.value, DOM text nodes, vis labels drawn on
 * canvas. Nothing here assigns innerHTML or builds markup from data.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var FADED = { background: "rgba(210,210,210,0.35)", border: "rgba(190,190,190,0.45)" };
  var FADED_FONT = "rgba(120,120,120,0.35)";
  var typeByKey = {};
  data.types.forEach(function (t) { typeByKey[t.key] = t; });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A tooltip as DOM: vis-network shows an Element as it is, so no string is parsed as HTML.
  function tooltip(n) {
    var box = element("div", "kg-tip");
    var head = element("div", "kg-tip-name", n.name);
    head.appendChild(element("span", "kg-tip-type", typeByKey[n.type].label + (n.kind ? " · " + n.kind : "")));
    box.appendChild(head);
    n.tip.forEach(function (line) { box.appendChild(element("div", "kg-tip-line", line)); });
    return box;
  }

  function baseColor(type) {
    var t = typeByKey[type];
    return { background: t.color, border: t.border, highlight: { background: t.color, border: "#222" },
             hover: { background: t.color, border: "#222" } };
  }

  var nodeItems = data.nodes.map(function (n) {
    return { id: n.id, label: n.label, name: n.name, type: n.type, kind: n.kind, date: n.date,
             sortDate: n.sortDate, tip: n.tip, value: n.value, x: n.x, y: n.y, group: n.type,
             color: baseColor(n.type), font: { color: "#222" }, title: tooltip(n) };
  });
  var edgeItems = data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, label: e.label, relation: e.relation, title: e.relation + ":" + e.label };
  });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);

  var state = { hiddenTypes: {}, from: "", to: "", undated: true, visible: {} };

  function nodeVisible(n) {
    if (state.hiddenTypes[n.type]) return false;
    if (n.type === "event") {
      if (!n.sortDate) return state.undated;
      if (state.from && n.sortDate < state.from) return false;
      if (state.to && n.sortDate > state.to) return false;
    }
    return true;
  }
  function computeVisible() {
    var visible = {};
    nodes.forEach(function (n) { if (nodeVisible(n)) visible[n.id] = true; });
    state.visible = visible;
  }
  computeVisible();  // before the views: a DataView filters once when it is made

  var nodesView = new vis.DataView(nodes, { filter: function (n) { return state.visible[n.id] === true; } });
  var edgesView = new vis.DataView(edges, {
    filter: function (e) { return state.visible[e.from] === true && state.visible[e.to] === true; }
  });

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.options);
  // Open on the main cluster, close enough that people's names can be read; the rest is a zoom
  // or a drag away.
  function openingView() {
    if (data.fitMain) {
      network.fit({ nodes: data.nodes.filter(function (n) { return n.c === 0; }).map(function (n) { return n.id; }),
                    animation: false });
    } else {
      network.fit({ animation: false });
    }
    var scale = network.getScale();
    if (data.nodes.length && (scale < data.minScale || scale > 1)) {
      network.moveTo({ scale: Math.min(Math.max(scale, data.minScale), 1), animation: false });
    }
  }
  openingView();

  var visibleStatus = document.getElementById("kg-visible");
  function showCounts() {
    visibleStatus.textContent = "当前显示 " + nodesView.length + " 个节点、" + edgesView.length + " 条关系";
  }

  // --- neighbourhood highlight -------------------------------------------------------------
  var faded = {};
  function highlight(centre) {
    var keep = {};
    keep[centre] = true;
    network.getConnectedNodes(centre).forEach(function (id) { keep[id] = true; });
    var changes = [];
    nodes.forEach(function (n) {
      var fade = !keep[n.id];
      if (fade !== !!faded[n.id]) {
        changes.push({ id: n.id, color: fade ? FADED : baseColor(n.type), font: { color: fade ? FADED_FONT : "#222" } });
        if (fade) faded[n.id] = true; else delete faded[n.id];
      }
    });
    nodes.update(changes);
  }
  function clearHighlight() {
    var changes = Object.keys(faded).map(function (id) {
      return { id: id, color: baseColor(nodes.get(id).type), font: { color: "#222" } };
    });
    faded = {};
    nodes.update(changes);
  }
  network.on("click", function (params) {
    if (params.nodes.length) highlight(params.nodes[0]); else clearHighlight();
  });

  // --- filters -----------------------------------------------------------------------------
  function applyFilters() {
    computeVisible();
    nodesView.refresh();
    edgesView.refresh();
    showCounts();
  }

  var typeBox = document.getElementById("kg-types");
  data.types.forEach(function (t) {
    var label = element("label");
    var box = element("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.type = t.key;
    box.id = "kg-type-" + t.key;
    box.addEventListener("change", function () { setTypeVisible(t.key, box.checked); });
    var swatch = element("span", "kg-swatch " + t.shape);
    swatch.style.backgroundColor = t.color;
    swatch.style.setProperty("--kg-color", t.color);
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(t.label + " " + t.count));
    typeBox.appendChild(label);
  });
  function setTypeVisible(type, shown) {
    if (shown) delete state.hiddenTypes[type]; else state.hiddenTypes[type] = true;
    var box = document.getElementById("kg-type-" + type);
    if (box) box.checked = shown;
    applyFilters();
  }

  var fromSelect = document.getElementById("kg-date-from");
  var toSelect = document.getElementById("kg-date-to");
  function addOption(select, value, text) {
    var option = element("option", null, text);
    option.value = value;
    select.appendChild(option);
  }
  addOption(fromSelect, "", "最早");
  addOption(toSelect, "", "最晚");
  data.dates.forEach(function (d) { addOption(fromSelect, d.key, d.text); addOption(toSelect, d.key, d.text); });
  function setDateRange(from, to, undated) {
    state.from = from || "";
    state.to = to || "";
    if (undated !== undefined) state.undated = !!undated;
    fromSelect.value = state.from;
    toSelect.value = state.to;
    document.getElementById("kg-undated").checked = state.undated;
    applyFilters();
  }
  fromSelect.addEventListener("change", function () { setDateRange(fromSelect.value, state.to); });
  toSelect.addEventListener("change", function () { setDateRange(state.from, toSelect.value); });
  document.getElementById("kg-undated").addEventListener("change", function (event) {
    setDateRange(state.from, state.to, event.target.checked);
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    state.hiddenTypes = {};
    data.types.forEach(function (t) { document.getElementById("kg-type-" + t.key).checked = true; });
    clearHighlight();
    network.unselectAll();
    setDateRange("", "", true);
    openingView();
  });

  // --- search ------------------------------------------------------------------------------
  var names = document.getElementById("kg-names");
  var seen = {};
  data.nodes.slice().sort(function (a, b) { return b.value - a.value || (a.name < b.name ? -1 : 1); })
    .forEach(function (n) {
      if (seen[n.name] || n.type === "article") return;
      seen[n.name] = true;
      var option = element("option");
      option.value = n.name;
      names.appendChild(option);
    });
  var searchStatus = document.getElementById("kg-search-status");

  // Exact name first, then names starting with the query, then containing it; busier nodes first.
  function find(query) {
    query = query.trim();
    if (!query) return null;
    var best = null;
    var bestRank = 4;
    nodes.forEach(function (n) {
      var rank = n.name === query ? 0 : n.name.indexOf(query) === 0 ? 1 : n.name.indexOf(query) > 0 ? 2 : 4;
      if (rank < 4 && state.visible[n.id] !== true) rank += 0.5;
      if (rank < bestRank || (rank === bestRank && best && n.value > best.value)) { best = n; bestRank = rank; }
    });
    return best;
  }
  function search(query) {
    var found = find(query);
    if (!found) {
      searchStatus.textContent = "未找到:" + query.trim();
      return null;
    }
    if (state.visible[found.id] !== true) {
      // The user asked for it by name: show its type again rather than fail.
      delete state.hiddenTypes[found.type];
      document.getElementById("kg-type-" + found.type).checked = true;
      if (found.type === "event") { state.from = ""; state.to = ""; state.undated = true; }
      applyFilters();
    }
    network.selectNodes([found.id]);
    highlight(found.id);
    network.focus(found.id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 300 } });
    searchStatus.textContent = "已选中:" + found.name + "(" + typeByKey[found.type].label + ")";
    return found.id;
  }
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(document.getElementById("kg-search").value);
  });

  showCounts();
  window.kgView = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    search: search, setTypeVisible: setTypeVisible, setDateRange: setDateRange,
    highlighted: function () { return nodes.length - Object.keys(faded).length; },
    readyMs: Math.round(performance.now())  // how long the page took to become usable
  };
})();
