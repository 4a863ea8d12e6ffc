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

  // The document filters, the same as the CLI's and the API's (DocumentFilter); their state lives in the URL.
  const FILTERS = [
    ['from', 'From', 'yyyy-mm-dd, yyyy-mm or yyyy'], ['to', 'To', 'inclusive'], ['answerer', 'Answerer', 'Kaag, minister van Buitenlandse Zaken'],
    ['asker', 'Asker', 'surname'], ['party', 'Party', 'GL, D66, …'], ['dossier', 'Dossier', '21501-20'], ['topic', 'Topic', 'TK subject'],
  ];
  const KINDS = ['question', 'answer', 'motion', 'letter', 'kamerstuk', 'handelingen', 'deferral'];

  function filterState() {
    const url = new URL(location.href);
    const state = {};
    for (const [name] of FILTERS) {
      const v = (url.searchParams.get(name) || '').trim();
      if (v) state[name] = v;
    }
    state.kind = url.searchParams.getAll('kind').filter((k) => KINDS.includes(k));
    return state;
  }

  function filterQuery(state) {
    const parts = [];
    for (const [name] of FILTERS) if (state[name]) parts.push(`${name}=${enc(state[name])}`);
    for (const k of state.kind) parts.push(`kind=${enc(k)}`);
    return parts.join('&');
  }

  function filterForm(q, state) {
    const form = el('form', { class: 'search-filters', action: 'index.html', method: 'get', 'aria-label': 'Search and filters' });
    form.append(el('label', {}, 'Words ', el('input', { name: 'q', type: 'search', value: q, placeholder: 'stikstof OR netcongestie, Oeigoer*, "a phrase", -word, an id' })));
    for (const [name, label, hint] of FILTERS) {
      form.append(el('label', {}, `${label} `, el('input', { name, value: state[name] || '', placeholder: hint })));
    }
    const kinds = el('fieldset', { class: 'kinds' }, el('legend', { text: 'Kind' }));
    for (const k of KINDS) {
      const box = el('input', { type: 'checkbox', name: 'kind', value: k });
      box.checked = state.kind.includes(k);
      kinds.append(el('label', {}, box, ` ${k}`));
    }
    form.append(kinds, el('button', { type: 'submit', text: 'Search' }));
    return form;
  }

  // A snippet with its matches marked: text nodes and <mark> elements built from the plain text, never HTML from the data.
  function snippet(text, highlights) {
    const div = el('div', { class: 'snippet' });
    let at = 0;
    for (const [start, end] of (highlights || []).slice().sort((a, b) => a[0] - b[0])) {
      if (start < at || end > text.length) continue;
      div.append(document.createTextNode(text.slice(at, start)), el('mark', { text: text.slice(start, end) }));
      at = end;
    }
    div.append(document.createTextNode(text.slice(at)));
    return div;
  }

  async function run() {
    const q = (param('q') || '').trim();
    const state = filterState();
    const filters = filterQuery(state);
    const page = Math.max(1, parseInt(param('page') || '1', 10) || 1);
    if (!q && !filters) {
      main.replaceChildren(
        el('h1', { text: 'KvGraph explorer' }),
        el('p', { text: 'Follow the citation chains between Kamervragen, answers, motions and letters. Search by id (ah-tk-20202021-2302, 2021Z02286, kst-21501-20-1591), title words or any text.' }),
        filterForm(q, state),
        motionStats);
      showMotionStats();
      return;
    }
    main.replaceChildren(el('p', { class: 'muted', text: 'Searching…' }));
    const query = `q=${enc(q)}${filters ? `&${filters}` : ''}`;
    try {
      const result = await getJson(`/api/search?${query}&page=${page}`);
      const list = el('ol', { class: 'results', start: (page - 1) * result.pageSize + 1 });
      for (const hit of result.hits) {
        list.append(el('li', { class: 'result', 'data-id': hit.id },
          el('a', { href: docHref(hit.id), class: 'result-title', text: hit.title || hit.id }),
          ' ', badge(hit.kind, 'badge-kind'),
          hit.inCorpus ? null : el('span', { class: 'badge badge-placeholder', text: 'not in corpus' }),
          el('div', { class: 'result-meta' },
            el('code', { text: hit.id }),
            hit.date ? el('span', { class: 'result-date', text: ` · ${hit.date}` }) : null,
            hit.askers.length ? el('span', { class: 'result-askers', text: ` · asked by ${people(hit.askers)}` }) : null,
            hit.answerers.length ? el('span', { class: 'result-answerers', text: ` · answered by ${people(hit.answerers)}` }) : null,
            hit.citedBy ? el('span', { class: 'result-cited', text: ` · cited by ${hit.citedBy}` }) : null),
          hit.snippet ? snippet(hit.snippet, hit.highlights) : null));
      }
      const pager = el('nav', { class: 'pager' },
        page > 1 ? el('a', { href: `index.html?${query}&page=${page - 1}`, text: '← previous' }) : null,
        result.hasMore ? el('a', { href: `index.html?${query}&page=${page + 1}`, class: 'next', text: 'next →' }) : null);
      const notes = (result.notes || []).map((n) => el('p', { class: 'search-note', text: n }));
      main.replaceChildren(
        el('h1', {}, q ? 'Search: ' : 'Documents', q ? el('q', { text: q }) : null),
        filterForm(q, state),
        ...notes,
        el('p', { class: 'muted search-total', text: `${result.hits.length} shown of ${result.total}` },
          result.hits.length ? [' ', KV.Lists.csvLink(`api/search.csv?${query}&page=${page}&pageSize=${result.pageSize}`, 'these results')] : null),
        result.hits.length ? list : el('p', { text: 'Nothing found.' }),
        pager,
        q ? KV.cypherPanel('search', { q, page, pageSize: result.pageSize }) : null);
    } catch (e) {
      KV.error(main, e);
    }
  }

  run();
})();
