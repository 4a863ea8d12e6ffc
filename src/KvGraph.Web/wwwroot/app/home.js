// The start page's figures (below the search box and the motion counts search.js shows): documents by kind, citations
// and the share resolved, the most-cited motions, letters and answers, and the newest answers, each list with a CSV link.
'use strict';

(() => {
  const { el, getJson, param } = KV;
  const { documents, csvUrl, number, table } = KV.Lists;
  const home = document.getElementById('home');
  if (!home || (param('q') || '').trim()) return;

  async function run() {
    let o;
    try {
      o = await getJson('/api/overview');
    } catch (e) {
      KV.error(home, e);
      return;
    }
    const c = o.counts;
    const share = (c.resolvedShare * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 });
    const kinds = Object.entries(c.documentsByKind);
    const url = (list) => csvUrl('/api/overview', {}, list);
    const kindRows = kinds.map(([kind, n]) => el('tr', { 'data-kind': kind }, el('td', { text: kind }), el('td', { class: 'num', text: number(n) })));
    KV.fill(home,
      el('h2', { text: 'The corpus' }),
      el('p', { class: 'corpus-figures' },
        el('strong', { class: 'figure-documents', text: number(c.documents) }), ' documents, ',
        el('strong', { class: 'figure-citations', text: number(c.citations) }), ' citations, of which ',
        el('strong', { class: 'figure-resolved', text: number(c.resolved) }), ` (${share} %) lead to a document in the corpus and `,
        el('strong', { class: 'figure-unresolved', text: number(c.unresolved) }), ' to one that is only cited.'),
      table('kinds', 'Documents by kind', kinds.length, ['Kind', 'Documents'], kindRows, url('documentsByKind')),
      el('h2', { text: 'Most cited' }),
      el('p', { class: 'muted', text: 'Counted in documents: an answer citing a motion from two of its items counts once.' }),
      documents('Most-cited motions', o.mostCitedMotions, url('mostCitedMotions')),
      documents('Most-cited letters', o.mostCitedLetters, url('mostCitedLetters')),
      documents('Most-cited answers', o.mostCitedAnswers, url('mostCitedAnswers')),
      el('h2', { text: 'Recent answers' }),
      documents('Newest answers', o.recentAnswers, url('recentAnswers')));
    home.hidden = false;
  }

  run();
})();
