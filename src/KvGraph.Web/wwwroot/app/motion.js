// The motion page: the motion, its sponsors and their parties, and every document citing it over time.
'use strict';

(() => {
  const { el, getJson, param, enc, docHref, graphHref, badge } = KV;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());

  async function run() {
    const id = param('id');
    if (!id) { KV.error(main, new Error('No id given.')); return; }
    let view;
    try {
      view = await getJson(`/api/motion?id=${enc(id)}`);
    } catch (e) {
      KV.error(main, e);
      return;
    }
    const m = view.motion;
    document.title = `Motion ${m.id} · KvGraph explorer`;
    const sponsors = el('ul', { class: 'sponsors' }, ...view.sponsors.map((s) => el('li', { class: 'sponsor' },
      s.personId ? el('a', { href: docHref(s.personId), text: s.name }) : s.name,
      ' ', s.party ? badge(s.party, 'badge-party') : el('span', { class: 'muted', text: '(party unknown)' }))));

    const years = view.timeline.map((t) => t.date).filter(Boolean).sort();
    const timeline = el('ol', { class: 'timeline' }, ...view.timeline.map((t) => el('li', { class: 'timeline-item', 'data-id': t.document.id },
      el('time', { text: t.date || 'undated' }),
      el('div', { class: 'timeline-body' },
        el('a', { href: docHref(t.document.id), text: t.document.name || t.document.id }), ' ',
        badge(t.document.label, 'badge-kind'),
        t.item ? el('span', { class: 'muted', text: ` · ${t.item}` }) : null,
        t.quote ? el('blockquote', { text: t.quote }) : null))));

    const graphHost = el('div', { class: 'graph' });
    main.replaceChildren(
      el('h1', {}, 'Motion ', el('code', { text: m.id })),
      el('p', {}, badge(m.label, 'badge-kind'), ' ', m.inCorpus ? el('a', { href: docHref(m.id), text: 'full text' }) : KV.notInCorpus(m.officialUrl),
        ' ', el('a', { href: graphHref(m.id), text: 'Graph view' })),
      m.name && m.name !== m.id ? el('p', { class: 'motion-title', text: m.name }) : null,
      el('h2', { text: 'Sponsors' }),
      view.sponsors.length ? sponsors : el('p', { class: 'muted', text: 'No sponsors known.' }),
      el('h2', { text: `Cited by ${view.timeline.length}${view.truncated ? '+' : ''} documents${years.length ? `, ${years[0]} – ${years[years.length - 1]}` : ''}` }),
      view.timeline.length ? timeline : el('p', { class: 'muted', text: 'Nothing in the corpus cites this motion.' }),
      KV.cypherPanel('motion', { id: m.id }),
      el('h2', { text: 'Graph' }),
      graphHost,
      KV.cypherPanel('trace', { id: m.id, reverse: true }));
    const graph = KV.Graph.create(graphHost, { height: '420px', onOpen: (nodeId) => { location.href = docHref(nodeId); } });
    window.kvGraph = graph;
    graph.load(m.id);
  }

  run();
})();
