// The graph view: a node's neighbourhood with cytoscape.js, expanded on click, laid out left to right in time.
'use strict';

KV.Graph = (() => {
  const { el, getJson, enc } = KV;

  // Colour and shape by node kind; the legend is drawn from the same table.
  const STYLE = {
    Question: ['#1f77b4', 'ellipse'],
    Answer: ['#2ca02c', 'round-rectangle'],
    Letter: ['#9467bd', 'rectangle'],
    Motion: ['#d62728', 'diamond'],
    Kamerstuk: ['#8c564b', 'rectangle'],
    Handelingen: ['#7f7f7f', 'barrel'],
    Deferral: ['#bcbd22', 'round-rectangle'],
    Placeholder: ['#ffffff', 'round-diamond'],
    Dossier: ['#17becf', 'hexagon'],
    Zaak: ['#c5b0d5', 'vee'],
    Person: ['#ff7f0e', 'ellipse'],
    Party: ['#e377c2', 'tag'],
    Office: ['#8c8c8c', 'round-tag'],
    Country: ['#dbdb8d', 'triangle'],
    Organisation: ['#aec7e8', 'pentagon'],
    Topic: ['#98df8a', 'octagon'],
    Document: ['#c7c7c7', 'round-rectangle'],
  };
  const styleOf = (label) => STYLE[label] || ['#cccccc', 'ellipse'];
  const ENTITY_LABELS = new Set(['Person', 'Party', 'Office', 'Country', 'Organisation', 'Topic']);

  // Mentions and topics crowd the picture; they start hidden and are one click away in the edge filter.
  const HIDDEN_AT_START = ['MENTIONS', 'ABOUT'];

  // More nodes of one kind than this (besides the ones opened) are shown as one group node until the group is opened.
  const GROUP_AT = 8;

  function categoryOf(edge) {
    return edge.type === 'CITES' && edge.kind ? `CITES ${edge.kind}` : edge.type;
  }

  // A placeholder letter carries its date in its id (letter:2018-08-27).
  function dateOf(node) {
    if (node.date) return node.date;
    const m = /^letter:(\d{4}-\d{2}-\d{2})$/.exec(node.id);
    return m ? m[1] : null;
  }

  function create(container, options) {
    const opts = Object.assign({ height: '480px', onOpen: null }, options || {});
    const filters = el('div', { class: 'graph-filters', 'aria-label': 'Edge kinds' });
    const legend = el('div', { class: 'graph-legend', 'aria-label': 'Legend' });
    const canvas = el('div', { class: 'graph-canvas', style: `height:${opts.height}` });
    const tip = el('div', { class: 'graph-tip', hidden: true, role: 'tooltip' });
    const status = el('span', { class: 'graph-status muted' });
    const exportButton = el('button', { type: 'button', class: 'graph-export', text: 'Export PNG' });
    const fitButton = el('button', { type: 'button', text: 'Fit' });
    const info = el('div', { class: 'graph-info muted', text: 'Click a node to expand it; double-click to open it; hover an edge to see its quote.' });
    container.replaceChildren(
      el('div', { class: 'graph-toolbar' }, exportButton, fitButton, status),
      filters,
      el('div', { class: 'graph-wrap' }, canvas, tip),
      legend,
      info);

    const cy = cytoscape({
      container: canvas,
      wheelSensitivity: 0.3,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)', shape: 'data(shape)', label: 'data(short)',
            'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, width: 26, height: 26,
            'border-width': 1, 'border-color': '#555', 'text-wrap': 'ellipsis', 'text-max-width': 140,
          },
        },
        { selector: 'node.placeholder', style: { 'border-style': 'dashed', 'border-width': 2, 'border-color': '#d62728' } },
        { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#000' } },
        { selector: 'node.expanded', style: { 'border-width': 3 } },
        {
          selector: 'edge',
          style: {
            width: 1.5, 'line-color': '#999', 'target-arrow-color': '#999', 'target-arrow-shape': 'triangle',
            'curve-style': 'bezier', 'arrow-scale': 0.8,
          },
        },
        { selector: 'edge.cites', style: { width: 2.5, 'line-color': '#d62728', 'target-arrow-color': '#d62728' } },
        { selector: 'edge.hover', style: { width: 4, 'line-color': '#000', 'target-arrow-color': '#000' } },
        {
          selector: 'node.group',
          style: { width: 46, height: 46, 'border-width': 3, 'border-style': 'double', 'border-color': '#333', 'font-size': 11, 'font-weight': 'bold' },
        },
        { selector: 'edge.group-edge', style: { 'line-style': 'dashed', width: 1.5, 'target-arrow-shape': 'none' } },
        { selector: '.filtered', style: { display: 'none' } },
        { selector: '.collapsed', style: { display: 'none' } },
      ],
      layout: { name: 'preset' },
    });

    // Cytoscape caches where its canvas is on the page and only hears the window scroll; the sticky side panel
    // scrolls on its own, so any scroll re-reads the position, or clicks would land beside the nodes.
    // Panels above the graph also fill in after their data arrives and move it without any scroll or resize event,
    // after which cytoscape would ignore clicks as outside its (cached) box: watch the page's boxes too.
    let pending = false;
    const recheck = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; cy.resize(); });
    };
    document.addEventListener('scroll', recheck, true);
    const observer = new ResizeObserver(recheck);
    for (let el = container; el; el = el.parentElement) observer.observe(el);

    const expanded = new Set();
    const hiddenCategories = new Set(HIDDEN_AT_START);
    const hiddenKinds = new Set(); // node kinds switched off in the legend
    const openedKinds = new Set(); // groups the user opened
    const groupedKinds = new Set(); // kinds the user grouped although they are few

    function addData(data) {
      const added = [];
      for (const n of data.nodes) {
        if (cy.getElementById(n.id).length) continue;
        const [colour, shape] = styleOf(n.label);
        added.push({
          group: 'nodes',
          data: { id: n.id, label: n.label, name: n.name || n.id, date: dateOf(n), inCorpus: n.inCorpus, colour, shape, short: shortName(n) },
          classes: n.label === 'Placeholder' ? 'placeholder' : '',
        });
      }
      for (const e of data.edges) {
        if (cy.getElementById(e.id).length) continue;
        added.push({
          group: 'edges',
          data: { id: e.id, source: e.source, target: e.target, type: e.type, kind: e.kind, quote: e.quote, item: e.item, cat: categoryOf(e) },
          classes: e.type === 'CITES' ? 'cites' : '',
        });
      }
      cy.add(added);
    }

    function shortName(n) {
      const name = n.name && n.name !== n.id ? n.name : n.id;
      return name.length > 40 ? name.slice(0, 38) + '…' : name;
    }

    // Left to right in time: documents in date columns, what they cite one column before them (older), and the
    // people, parties, countries and topics in a band underneath, so the citation chain reads as a time line.
    function layout() {
      const visible = cy.nodes().filter((n) => !n.hasClass('filtered') && !n.hasClass('collapsed'));
      const isEntity = (n) => ENTITY_LABELS.has(n.data('label'));
      const docs = visible.filter((n) => !isEntity(n));
      const entities = visible.filter(isEntity);
      const dates = [...new Set(docs.map((n) => n.data('date')).filter(Boolean))].sort();
      const col = new Map();
      docs.forEach((n) => { if (n.data('date')) col.set(n.id(), dates.indexOf(n.data('date'))); });
      for (let pass = 0; pass < 4; pass++) {
        docs.forEach((n) => {
          if (col.has(n.id())) return;
          const citers = n.incomers('edge[type = "CITES"]').sources().filter((s) => col.has(s.id()));
          if (citers.length) { col.set(n.id(), Math.min(...citers.map((s) => col.get(s.id()))) - 1); return; }
          const cited = n.outgoers('edge[type = "CITES"]').targets().filter((s) => col.has(s.id()));
          if (cited.length) { col.set(n.id(), Math.max(...cited.map((s) => col.get(s.id()))) + 1); return; }
          const near = n.neighborhood('node').filter((s) => col.has(s.id()));
          if (near.length) col.set(n.id(), near.map((s) => col.get(s.id())).reduce((a, b) => a + b, 0) / near.length);
        });
      }
      const columns = new Map();
      docs.forEach((n) => {
        const c = col.has(n.id()) ? col.get(n.id()) : 0;
        if (!columns.has(c)) columns.set(c, []);
        columns.get(c).push(n);
      });
      const positions = {};
      const keys = [...columns.keys()].sort((a, b) => a - b);
      let bottom = 0;
      keys.forEach((c, i) => {
        const list = columns.get(c).sort((a, b) => ((a.data('date') || '') + a.id()).localeCompare((b.data('date') || '') + b.id()));
        list.forEach((n, j) => {
          positions[n.id()] = { x: i * 230, y: (j - (list.length - 1) / 2) * 75 };
          bottom = Math.max(bottom, positions[n.id()].y);
        });
      });
      const width = Math.max(1, keys.length) * 230;
      const perRow = Math.max(4, Math.round(width / 120));
      const sorted = entities.sort((a, b) => (a.data('label') + a.data('name')).localeCompare(b.data('label') + b.data('name')));
      sorted.forEach((n, k) => {
        const row = Math.floor(k / perRow);
        const inRow = Math.min(perRow, sorted.length - row * perRow);
        positions[n.id()] = { x: (keys.length - 1) * 115 + ((k % perRow) - (inRow - 1) / 2) * 120, y: bottom + 130 + row * 70 + (k % 2) * 18 };
      });
      visible.layout({ name: 'preset', positions: (n) => positions[n.id()] || { x: 0, y: 0 }, fit: true, padding: 40, animate: false }).run();
      if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(visible); }
    }

    function renderFilters() {
      const categories = [...new Set(cy.edges().map((e) => e.data('cat')))].sort();
      filters.replaceChildren(el('span', { class: 'muted', text: 'Edges: ' }), ...categories.map((cat) => {
        const box = el('input', { type: 'checkbox', value: cat, checked: !hiddenCategories.has(cat) });
        box.addEventListener('change', () => {
          if (box.checked) hiddenCategories.delete(cat); else hiddenCategories.add(cat);
          refresh();
        });
        return el('label', { class: 'filter' }, box, ' ' + cat);
      }));
    }

    // Hidden edge kinds hide their edges, and nodes left without a visible edge (except the ones the user opened);
    // hidden node kinds hide their nodes (the opened ones stay).
    function applyFilters() {
      cy.edges().forEach((e) => e.toggleClass('filtered', hiddenCategories.has(e.data('cat'))));
      cy.nodes().forEach((n) => {
        const keep = expanded.has(n.id())
          || (!hiddenKinds.has(n.data('label')) && n.connectedEdges().some((e) => !e.hasClass('filtered')));
        n.toggleClass('filtered', !keep);
      });
    }

    // A kind with many nodes becomes one group node ("Person · 23") beside the centre, until it is opened (click it).
    function applyGroups() {
      cy.nodes().removeClass('collapsed');
      const byKind = new Map();
      cy.nodes().filter((n) => !n.hasClass('filtered') && !expanded.has(n.id()) && n.id() !== opts.center).forEach((n) => {
        const label = n.data('label');
        if (!byKind.has(label)) byKind.set(label, []);
        byKind.get(label).push(n);
      });
      const groups = [];
      for (const [label, members] of [...byKind.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
        const many = members.length > GROUP_AT && !openedKinds.has(label);
        if (!many && !(groupedKinds.has(label) && members.length > 1)) continue;
        members.forEach((n) => n.addClass('collapsed'));
        groups.push({ label, count: members.length });
      }
      cy.add(groups.flatMap((g) => {
        const [colour, shape] = styleOf(g.label);
        const id = `group:${g.label}`;
        const added = [{
          group: 'nodes',
          data: { id, label: g.label, name: `${g.count} × ${g.label}`, group: true, count: g.count, colour, shape, short: `${g.label} · ${g.count}` },
          classes: 'group',
        }];
        if (opts.center && cy.getElementById(opts.center).length) {
          added.push({ group: 'edges', data: { id: `group-edge:${g.label}`, source: opts.center, target: id, type: 'GROUP', cat: 'group' }, classes: 'group-edge' });
        }
        return added;
      }));
      return groups;
    }

    // The legend is the kind filter: a box per kind (with its count) to show or hide it, and a button to group or open it.
    function renderLegend(groups) {
      const real = cy.nodes().filter((n) => !n.data('group'));
      const counts = new Map();
      real.forEach((n) => counts.set(n.data('label'), (counts.get(n.data('label')) || 0) + 1));
      const grouped = new Set(groups.map((g) => g.label));
      legend.replaceChildren(el('span', { class: 'muted', text: 'Nodes: ' }), ...[...counts.keys()].sort().map((label) => {
        const [colour, shape] = styleOf(label);
        const box = el('input', { type: 'checkbox', value: label, checked: !hiddenKinds.has(label), 'aria-label': `Show ${label}` });
        box.addEventListener('change', () => {
          if (box.checked) hiddenKinds.delete(label); else hiddenKinds.add(label);
          refresh();
        });
        const toggle = counts.get(label) > 1
          ? el('button', { type: 'button', class: 'group-toggle', 'data-label': label, text: grouped.has(label) ? 'open group' : 'group' })
          : null;
        if (toggle) {
          toggle.addEventListener('click', () => {
            if (grouped.has(label)) { openedKinds.add(label); groupedKinds.delete(label); } else { groupedKinds.add(label); openedKinds.delete(label); }
            refresh();
          });
        }
        return el('span', { class: 'legend-item', 'data-label': label },
          el('label', {}, box, ' ', el('span', { class: 'swatch', style: `background:${colour}`, title: shape }), ` ${label} (${counts.get(label)})`),
          toggle ? [' ', toggle] : null);
      }));
    }

    function refresh() {
      cy.remove(cy.nodes('[?group]'));
      renderFilters();
      applyFilters();
      const groups = applyGroups();
      layout();
      renderLegend(groups);
      const real = cy.nodes().filter((n) => !n.data('group'));
      const shown = real.filter((n) => !n.hasClass('filtered') && !n.hasClass('collapsed')).length;
      const inGroups = groups.reduce((sum, g) => sum + g.count, 0);
      const hidden = real.length - shown - inGroups;
      status.textContent = `${real.length} nodes: ${shown} shown`
        + (groups.length ? `, ${inGroups} in ${groups.length} group${groups.length === 1 ? '' : 's'} (click a group to open it)` : '')
        + (hidden ? `, ${hidden} hidden by the filters` : '')
        + `; ${cy.edges().filter((e) => e.data('type') !== 'GROUP').length} edges`;
    }

    async function expand(id) {
      if (expanded.has(id)) return false;
      expanded.add(id);
      status.textContent = 'Loading…';
      try {
        const data = await getJson(`/api/neighbourhood?id=${enc(id)}`);
        addData(data);
        cy.getElementById(id).addClass('expanded');
        refresh();
        if (data.truncated) status.textContent += ' (neighbourhood truncated)';
        return true;
      } catch (e) {
        status.textContent = e.status === 404 ? `${id}: nothing more to expand` : `Error: ${e.message}`;
        return false;
      }
    }

    cy.on('tap', 'node', (evt) => {
      const n = evt.target;
      if (n.data('group')) {
        openedKinds.add(n.data('label'));
        groupedKinds.delete(n.data('label'));
        refresh();
        return;
      }
      expand(n.id());
    });
    cy.on('dbltap', 'node', (evt) => {
      const n = evt.target;
      if (n.data('group')) return;
      if (opts.onOpen) opts.onOpen(n.id(), n.data('label'));
    });
    cy.on('mouseover', 'edge', (evt) => {
      const e = evt.target;
      e.addClass('hover');
      KV.fill(tip,
        el('strong', { text: e.data('cat') }),
        el('div', { class: 'muted', text: `${e.data('source')} → ${e.data('target')}${e.data('item') ? ' (' + e.data('item') + ')' : ''}` }),
        e.data('quote') ? el('blockquote', { text: e.data('quote') }) : null);
      const p = evt.renderedPosition || e.renderedMidpoint();
      tip.style.left = `${Math.round(p.x + 12)}px`;
      tip.style.top = `${Math.round(p.y + 12)}px`;
      tip.hidden = false;
    });
    cy.on('mouseout', 'edge', (evt) => { evt.target.removeClass('hover'); tip.hidden = true; });
    cy.on('mouseover', 'node', (evt) => {
      const n = evt.target;
      tip.replaceChildren(el('strong', { text: n.data('name') }), el('div', { class: 'muted', text: `${n.data('label')} · ${n.id()}${n.data('date') ? ' · ' + n.data('date') : ''}` }));
      const p = n.renderedPosition();
      tip.style.left = `${Math.round(p.x + 14)}px`;
      tip.style.top = `${Math.round(p.y + 14)}px`;
      tip.hidden = false;
    });
    cy.on('mouseout', 'node', () => { tip.hidden = true; });

    exportButton.addEventListener('click', () => {
      const png = cy.png({ full: true, scale: 2, bg: '#ffffff' });
      const a = el('a', { download: `kvgraph-${(opts.center || 'graph').replace(/[^A-Za-z0-9._-]+/g, '_')}.png` });
      a.setAttribute('href', png);
      document.body.append(a);
      a.click();
      a.remove();
    });
    fitButton.addEventListener('click', () => cy.fit(undefined, 40));

    async function load(id) {
      opts.center = id;
      await expand(id);
      cy.getElementById(id).addClass('center');
    }

    return { cy, expand, load, expanded, hiddenCategories, hiddenKinds, openedKinds, refresh };
  }

  return { create, STYLE };
})();
