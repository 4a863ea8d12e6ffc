// Shared helpers. Every piece of data reaches the page through textContent or attribute setters, never as HTML,
// so a document text that contains markup is shown as text.
'use strict';

const KV = (() => {
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key === 'href') node.setAttribute('href', safeHref(value));
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  // Children as el() takes them: nested lists flattened, null / undefined / false left out (never the text "null").
  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  // Replaces a container's content; a missing optional part is left out rather than shown as "null".
  function fill(container, ...children) {
    container.replaceChildren();
    append(container, children);
    return container;
  }

  // Links from data may only be relative pages, in-page anchors or http(s) addresses.
  function safeHref(value) {
    const s = String(value);
    if (s.startsWith('#') || /^[a-z]+\.html(\?|$)/.test(s)) return s;
    try {
      const url = new URL(s, location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
    } catch {
      return '#';
    }
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON */ }
      // A validation problem says what is wrong with each field; that is what the page shows, not its generic title.
      const detail = problem && ((problem.errors && Object.values(problem.errors).flat().join(' ')) || problem.detail || problem.title);
      const error = new Error(detail || `${response.status} ${response.statusText}`);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  const param = (name) => new URLSearchParams(location.search).get(name);
  const enc = encodeURIComponent;
  const docHref = (id) => 'doc.html?id=' + enc(id);
  const motionHref = (id) => 'motion.html?id=' + enc(id);
  const graphHref = (id) => 'graph.html?id=' + enc(id);
  const personHref = (id) => 'person.html?id=' + enc(id);
  const partyHref = (id) => 'party.html?id=' + enc(id);
  const dossierHref = (id) => 'dossier.html?id=' + enc(id);
  // The page of any node: people, parties and dossiers have their own; motions theirs; every other node the document page.
  const nodeHref = (id, label) => (/^person:/.test(id) ? personHref(id) : /^party:/.test(id) ? partyHref(id)
    : /^dossier:/.test(id) ? dossierHref(id) : isMotionId(id, label) ? motionHref(id) : docHref(id));
  const isMotionId = (id, label) => label === 'Motion' || (label === 'Placeholder' && /^kst-/.test(id || ''));

  function people(list, withOffice) {
    return (list || []).map((p) => p.name + (withOffice && p.office ? `, ${p.office}` : '') + (p.party ? ` (${p.party})` : '')).join('; ');
  }

  function badge(text, cls) {
    return el('span', { class: 'badge ' + (cls || ''), text });
  }

  // A motion's outcome: adopted green, rejected red, anything else (held, withdrawn, lapsed, unknown) grey.
  function outcomeBadge(outcome) {
    const cls = outcome === 'aangenomen' ? 'outcome-adopted' : outcome === 'verworpen' ? 'outcome-rejected' : 'outcome-other';
    return el('span', { class: `badge outcome ${cls}`, 'data-outcome': outcome || 'unknown', text: outcome || 'outcome unknown' });
  }

  // "32–117", or '' without counts.
  function votes(forCount, against) {
    if (forCount === null && against === null) return '';
    const n = (x) => (x === null || x === undefined ? '?' : String(x));
    return `${n(forCount)}–${n(against)}`;
  }

  function notInCorpus(officialUrl) {
    return el('span', { class: 'not-in-corpus' },
      badge('not in corpus', 'badge-missing'),
      officialUrl ? el('a', { href: officialUrl, class: 'official', rel: 'noopener noreferrer', target: '_blank', text: 'official source' }) : null);
  }

  function nav() {
    const q = el('input', { type: 'search', name: 'q', placeholder: 'Search id, title or text…', 'aria-label': 'Search', value: param('q') || '' });
    const form = el('form', { action: 'index.html', method: 'get', class: 'nav-search' }, q, el('button', { type: 'submit', text: 'Search' }));
    return el('header', { class: 'top' }, el('a', { href: 'index.html', class: 'brand', text: 'KvGraph explorer' }),
      el('nav', { class: 'top-links' }, el('a', { href: 'motions.html', text: 'Motions' })), form);
  }

  // "Show as Cypher": the real statement from cypher/queries with the parameters for this view.
  function cypherPanel(view, params) {
    const body = el('div', { class: 'cypher-body', hidden: true });
    const button = el('button', { type: 'button', class: 'cypher-toggle', 'data-view': view, text: 'Show as Cypher' });
    button.addEventListener('click', async () => {
      if (!body.hidden) { body.hidden = true; button.textContent = 'Show as Cypher'; return; }
      body.hidden = false;
      button.textContent = 'Hide Cypher';
      body.replaceChildren(el('p', { text: 'Loading…' }));
      const qs = new URLSearchParams({ view });
      for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined) qs.set(k, String(v));
      try {
        const c = await getJson('/api/cypher?' + qs.toString());
        const paramText = ':params ' + JSON.stringify(c.parameters, null, 2);
        body.replaceChildren(
          el('p', { class: 'muted' }, 'cypher/queries/', el('code', { text: c.file })),
          el('pre', { class: 'cypher-text', text: c.text }),
          el('p', { class: 'muted', text: 'Parameters (paste into Neo4j Browser first):' }),
          el('pre', { class: 'cypher-params', text: paramText }),
          el('button', { type: 'button', text: 'Copy', onclick: () => navigator.clipboard && navigator.clipboard.writeText(paramText + '\n\n' + c.text) }));
      } catch (e) {
        body.replaceChildren(el('p', { class: 'error', text: 'No Cypher for this view: ' + e.message }));
      }
    });
    return el('div', { class: 'cypher' }, button, body);
  }

  function error(container, e) {
    container.replaceChildren(el('div', { class: 'error', role: 'alert', text: e.message || String(e) }));
  }

  // A store whose last build did not finish answers from an older (or empty) state: every page says so, in a banner
  // above its content, from /api/status (the API also marks every response with the KvGraph-Store-Unfinished header).
  async function storeNotice() {
    let status;
    try { status = await getJson('/api/status'); } catch { return; }
    const unfinished = status && status.storeUnfinished;
    const old = document.getElementById('store-unfinished');
    if (!unfinished) { if (old) old.remove(); return; }
    const banner = el('div', { id: 'store-unfinished', class: 'store-unfinished', role: 'alert' },
      el('strong', { text: 'Unfinished build: ' }), unfinished.notice);
    if (old) old.replaceWith(banner); else document.body.prepend(banner);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', storeNotice);
  else storeNotice();

  return { el, fill, getJson, param, enc, docHref, motionHref, graphHref, personHref, partyHref, dossierHref, nodeHref, isMotionId, people, badge, outcomeBadge, votes, notInCorpus, nav, cypherPanel, error, storeNotice };
})();
