// The search page: id, title or full text; results with kind, date, askers and answerer.
'use strict';

(() => {
  const { el, getJson, param, enc, docHref, people, badge } = KV;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());

  const motionStats = el('section', { class: 'motion-stats', 'aria-label': 'Motions' });
  const number = (n) => n.toLocaleString('en-GB');

  // What became of the motions: adopted, rejected, and how many adopted ones a later document cites; each a filtered list.
  async function showMotionStats() {
    let view;
    try {
      view = await getJson('/api/motions/stats');
    } catch (e) {
      KV.error(motionStats, e);
      return;
    }
    const s = view.stats;
    if (!s.motions) return;
    const stat = (cls, href, count, text) => el('a', { class: `stat ${cls}`, href }, el('strong', { text: count }), text);
    const share = (s.shareAdoptedCited * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 });
    KV.fill(motionStats,
      stat('stat-motions', 'motions.html', number(s.motions), `motions, ${number(s.withOutcome)} with an outcome`),
      stat('stat-adopted', 'motions.html?outcome=aangenomen', number(s.adopted), 'adopted (aangenomen)'),
      stat('stat-rejected', 'motions.html?outcome=verworpen', number(s.rejected), 'rejected (verworpen)'),
      stat('stat-cited', 'motions.html?outcome=aangenomen&citedSinceVote=true', `${share} %`,
        `of adopted motions cited by a later document (${number(s.adoptedCitedAfter)} of ${number(s.adopted)})`),
      stat('stat-never', 'motions.html?adoptedNeverCited=true', number(s.adopted - s.adoptedCitedAfter), 'adopted and never cited since'));
  }

  async function run() {
    const q = (param('q') || '').trim();
    const page = Math.max(1, parseInt(param('page') || '1', 10) || 1);
    if (!q) {
      main.replaceChildren(
        el('h1', { text: 'KvGraph explorer' }),
        el('p', { text: 'Follow the citation chains between Kamervragen, answers, motions and letters. Search by id (ah-tk-20202021-2302, 2021Z02286, kst-21501-20-1591), title words or any text.' }),
        motionStats);
      showMotionStats();
      return;
    }
    main.replaceChildren(el('p', { class: 'muted', text: 'Searching…' }));
    try {
      const result = await getJson(`/api/search?q=${enc(q)}&page=${page}`);
      const list = el('ol', { class: 'results', start: (page - 1) * result.pageSize + 1 });
      for (const hit of result.hits) {
        list.append(el('li', { class: 'result', 'data-id': hit.id },
          el('a', { href: docHref(hit.id), class: 'result-title', text: hit.title || hit.id }),
          ' ', badge(hit.kind, 'badge-kind'),
          el('div', { class: 'result-meta' },
            el('code', { text: hit.id }),
            hit.date ? el('span', { class: 'result-date', text: ` · ${hit.date}` }) : null,
            hit.askers.length ? el('span', { class: 'result-askers', text: ` · asked by ${people(hit.askers)}` }) : null,
            hit.answerers.length ? el('span', { class: 'result-answerers', text: ` · answered by ${people(hit.answerers)}` }) : null),
          hit.snippet ? el('div', { class: 'snippet', text: hit.snippet }) : null));
      }
      const total = result.total === null || result.total === undefined ? '' : ` of ${result.total}`;
      const pager = el('nav', { class: 'pager' },
        page > 1 ? el('a', { href: `index.html?q=${enc(q)}&page=${page - 1}`, text: '← previous' }) : null,
        result.hasMore ? el('a', { href: `index.html?q=${enc(q)}&page=${page + 1}`, class: 'next', text: 'next →' }) : null);
      main.replaceChildren(
        el('h1', {}, 'Search: ', el('q', { text: q })),
        el('p', { class: 'muted', text: `${result.hits.length} shown${total}` }),
        result.hits.length ? list : el('p', { text: 'Nothing found.' }),
        pager,
        KV.cypherPanel('search', { q, page, pageSize: result.pageSize }));
    } catch (e) {
      KV.error(main, e);
    }
  }

  run();
})();
