// The document page: metadata, question and answer items with their citations highlighted inline, what cites it,
// related questions with reasons and scores, and the graph of its neighbourhood.
'use strict';

(() => {
  const { el, getJson, param, enc, docHref, motionHref, graphHref, isMotionId, people, badge } = KV;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());

  const BLOCK_TITLES = { header: 'Header', text: '', question: 'Vraag', answer: 'Antwoord' };

  function meta(rows) {
    const dl = el('dl', { class: 'meta' });
    for (const [name, value] of rows) {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
      dl.append(el('dt', { text: name }), el('dd', {}, value instanceof Node ? value : Array.isArray(value) ? value.join(', ') : String(value)));
    }
    return dl;
  }

  // How a link was made, in words: "sponsor+subject+date 0.72 — sponsors Simons (lead); subject 0.91 (…)".
  function howText(c) {
    if (!c.method) return '';
    const conf = typeof c.linkConfidence === 'number' ? ` ${c.linkConfidence.toFixed(2)}` : '';
    return `${c.method}${conf}${c.evidence ? ' — ' + c.evidence : ''}${c.candidates ? ' · candidates: ' + c.candidates : ''}`;
  }

  function citationLink(c) {
    const target = c.resolved || c.target;
    const how = howText(c);
    const title = `${c.kind}${target ? ' → ' + target : ''}${c.sponsor ? ' (' + c.sponsor + ')' : ''}${c.inCorpus ? '' : ' · not in corpus'}${how ? ' · ' + how : ''}`;
    const attrs = {
      class: `cite cite-${c.kind}${c.inCorpus ? '' : ' missing'}${c.lowConfidence ? ' low-confidence' : ''}`,
      title, 'data-kind': c.kind, 'data-target': target || '', 'data-method': c.method || '',
    };
    return c.href ? el('a', Object.assign(attrs, { href: c.href }), c.quote) : el('mark', attrs, c.quote);
  }

  // The "how" cell: the method and confidence, marked when uncertain, the evidence on hover.
  function howCell(c) {
    if (!c.method) return el('td', { text: '' });
    const conf = typeof c.linkConfidence === 'number' ? ` ${c.linkConfidence.toFixed(2)}` : '';
    return el('td', { class: `how${c.lowConfidence ? ' how-low' : ''}`, title: howText(c), 'data-method': c.method },
      `${c.method}${conf}${c.lowConfidence ? ' ?' : ''}`);
  }

  function block(b) {
    const heading = b.kind === 'question' || b.kind === 'answer'
      ? `${BLOCK_TITLES[b.kind]} ${b.numbers.join(', ')}`
      : BLOCK_TITLES[b.kind];
    // A question item often starts with its own "Vraag 2": then the text is its heading.
    const first = b.segments.length ? b.segments[0].text.trimStart().toLowerCase() : '';
    const repeated = heading && first.startsWith(heading.toLowerCase());
    const text = el('div', { class: 'block-text' });
    for (const s of b.segments) text.append(s.citation ? citationLink(s.citation) : document.createTextNode(s.text));
    return el('section', { class: `block block-${b.kind}`, id: `item-${b.id}`, 'data-item': b.id },
      heading && !repeated ? el('h3', { text: heading }) : null, text);
  }

  function citationTable(citations) {
    const body = el('tbody');
    for (const c of citations) {
      body.append(el('tr', { 'data-kind': c.kind },
        el('td', {}, badge(c.kind, `badge-cite badge-${c.kind}`)),
        el('td', {}, c.href ? el('a', { href: c.href, text: c.resolved || c.target || '' }) : (c.resolved || c.target || '—'),
          c.sponsor ? el('div', { class: 'muted', text: c.sponsor }) : null),
        el('td', { class: 'quote', text: c.quote }),
        el('td', { text: c.item || '' }),
        howCell(c),
        el('td', {}, c.inCorpus ? badge('in corpus', 'badge-ok') : KV.notInCorpus(c.officialUrl))));
    }
    return el('table', { class: 'citations' },
      el('thead', {}, el('tr', {}, ...['Kind', 'Target', 'Quote', 'Item', 'How', 'Status'].map((h) => el('th', { text: h })))),
      body);
  }

  async function related(container, id) {
    container.replaceChildren(el('h2', { text: 'Related questions' }), el('p', { class: 'muted', text: 'Loading…' }));
    try {
      const list = await getJson(`/api/related?id=${enc(id)}`);
      const items = list.map((r) => el('li', { class: 'related-item', 'data-id': r.node.id },
        el('a', { href: docHref(r.node.id), text: r.node.name || r.node.id }), ' ',
        el('span', { class: 'score', text: `score ${r.score}` }),
        el('ul', { class: 'reasons' }, ...r.reasons.map((x) => el('li', { class: 'reason', 'data-kind': x.kind, text: `${x.kind}: ${x.detail} (+${x.score})` })))));
      container.replaceChildren(
        el('h2', { text: 'Related questions' }),
        items.length ? el('ol', { class: 'related' }, ...items) : el('p', { class: 'muted', text: 'Nothing related found.' }),
        KV.cypherPanel('related', { id }));
    } catch (e) {
      container.replaceChildren(el('h2', { text: 'Related questions' }), el('p', { class: 'muted', text: e.status === 404 ? 'Not in the graph.' : e.message }));
    }
  }

  // Askers, answerers and sponsors as the text names them, until the graph's people (with their pages) arrive.
  const peopleBox = (role, text) => el('span', { class: 'people', 'data-role': role }, text);

  async function linkPeople(id) {
    let list;
    try {
      list = await getJson(`/api/document/people?id=${enc(id)}`);
    } catch {
      return; // the names stay as text
    }
    for (const box of document.querySelectorAll('span.people')) {
      const mine = list.filter((p) => p.role === box.dataset.role);
      if (!mine.length) continue;
      KV.fill(box, mine.map((p, i) => [i ? '; ' : '', el('a', { href: KV.personHref(p.personId), class: 'person-link', text: p.name }),
        p.office ? `, ${p.office}` : '', p.party ? ' (' : '', p.partyId ? el('a', { href: KV.partyHref(p.partyId), text: p.party }) : p.party, p.party ? ')' : '']));
    }
  }

  async function run() {
    const id = param('id');
    if (!id) { KV.error(main, new Error('No id given.')); return; }
    // A person, party or dossier has a page of its own (old links and graph nodes may still lead here).
    if (/^(person|party|dossier):/.test(id)) { location.replace(KV.nodeHref(id)); return; }
    let view;
    try {
      view = await getJson(`/api/document?id=${enc(id)}`);
    } catch (e) {
      KV.error(main, e);
      return;
    }
    const node = view.node;
    const d = view.document;
    document.title = `${d && d.title ? d.title : node.id} · KvGraph explorer`;
    const links = el('p', { class: 'links' },
      el('a', { href: graphHref(node.id), text: 'Graph view' }),
      isMotionId(node.id, node.label) ? el('a', { href: motionHref(node.id), text: 'Motion page' }) : null);
    const header = el('div', { class: 'doc-header' },
      el('h1', { text: (d && d.title) || node.name || node.id }),
      el('p', {}, badge(d ? d.kind : node.label, 'badge-kind'), ' ', el('code', { text: node.id }), ' ',
        view.document || !(node.label === 'Placeholder' || node.officialUrl) ? null : KV.notInCorpus(node.officialUrl)),
      links);
    const parts = [header];
    if (d) {
      parts.push(meta([
        ['Zaak', d.zaak], ['Submitted', d.submitted], ['Answered', d.answered], ['Date', d.date],
        ['Asked by', d.askers.length ? peopleBox('asker', people(d.askers)) : null],
        ['Answered by', d.answerers.length ? peopleBox('answerer', people(d.answerers, true)) : null],
        ['Sponsors', d.sponsors.length ? peopleBox('sponsor', d.sponsors.join(', ')) : null],
        ['Dossier', node.properties && node.properties.dossier ? el('a', { href: KV.dossierHref(node.properties.dossier), text: node.properties.dossier }) : null],
        ['Paired with', d.pairedId ? el('a', { href: docHref(d.pairedId), text: d.pairedId }) : null],
        ['Own ids', d.ownIds], ['Topics', d.topics],
        ['Source', d.sourceUrl ? el('a', { href: d.sourceUrl, rel: 'noopener noreferrer', target: '_blank', text: d.sourceUrl }) : null],
        ['File', `${d.file} (${d.format})`],
        ...Object.entries(d.metadata || {}).map(([k, v]) => [k, v]),
      ]));
      parts.push(el('h2', { text: `Text (${view.citations.length} citations highlighted)` }),
        el('article', { class: 'doc-body' }, ...view.blocks.map(block)));
      parts.push(el('h2', { text: 'Cites' }), view.citations.length ? citationTable(view.citations) : el('p', { class: 'muted', text: 'No citations found.' }));
    } else {
      parts.push(el('p', { class: 'placeholder-note', text: 'This document is cited but not in the corpus yet. It becomes a real document when it is ingested.' }));
    }

    // One entry per citing document, each mention quoted, uncertain links marked with their evidence on hover.
    const mentionsOf = (c) => (c.mentions && c.mentions.length ? c.mentions : [{ quote: c.quote }]);
    const citedBy = el('ul', { class: 'cited-by' }, ...view.citedBy.map((c) => el('li', { 'data-id': c.source.id },
      el('a', { href: docHref(c.source.id), text: c.source.name || c.source.id }),
      c.source.date ? ` (${c.source.date})` : '',
      ...mentionsOf(c).filter((m) => m.quote).map((m) => el('blockquote', {
        class: m.lowConfidence ? 'low-confidence' : '',
        title: m.method ? `${m.method} ${typeof m.confidence === 'number' ? m.confidence.toFixed(2) : ''}${m.evidence ? ' — ' + m.evidence : ''}` : '',
        'data-method': m.method || '',
      }, m.quote, m.lowConfidence ? el('span', { class: 'how-low', text: ' (uncertain link)' }) : null)))));
    parts.push(el('h2', { text: `Cited by (${view.citedBy.length}${view.citedByTruncated ? '+' : ''} documents)` }),
      view.citedBy.length ? citedBy : el('p', { class: 'muted', text: 'Nothing in the corpus cites this.' }));

    const relatedBox = el('section', { class: 'related-panel', id: 'related' });
    const graphBox = el('section', { class: 'graph-panel', id: 'graph' });
    const graphHost = el('div', { class: 'graph' });
    graphBox.append(el('h2', { text: 'Graph' }), graphHost, KV.cypherPanel('neighbourhood', { id: node.id }));
    parts.push(KV.cypherPanel('document', { id: node.id }));
    main.replaceChildren(el('div', { class: 'doc-layout' },
      el('div', { class: 'doc-main' }, ...parts),
      el('aside', { class: 'doc-side' }, relatedBox, graphBox)));

    related(relatedBox, node.id);
    linkPeople(node.id);
    const graph = KV.Graph.create(graphHost, {
      height: '460px',
      onOpen: (nodeId, label) => { location.href = KV.nodeHref(nodeId, label); },
    });
    window.kvGraph = graph;
    graph.load(node.id);
  }

  run();
})();
