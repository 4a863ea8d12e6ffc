// The motions list: filter by outcome, sponsor party, cabinet advice, dates, dossier, "adopted and never cited since";
// the filters live in the address (shareable; back and forward restore them); results come from /api/motions, which
// is Core's motion list, paged with the true total.
'use strict';

(() => {
  const { el, getJson, param, enc, motionHref, outcomeBadge, votes } = KV;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());

  const TEXT_FIELDS = ['party', 'from', 'to', 'dossier'];
  const SELECT_FIELDS = ['outcome', 'advice'];
  const CHECK_FIELDS = ['adoptedNeverCited', 'decided', 'citedSinceVote'];
  const OUTCOMES = [
    ['', 'any outcome'], ['aangenomen', 'aangenomen (adopted)'], ['verworpen', 'verworpen (rejected)'], ['aangehouden', 'aangehouden (held)'],
    ['ingetrokken', 'ingetrokken (withdrawn)'], ['vervallen', 'vervallen (lapsed)'], ['unknown', 'unknown'],
  ];
  const PAGE_SIZE = 25;

  const form = el('form', { class: 'filters', id: 'motion-filters', role: 'search', 'aria-label': 'Filter motions' });
  const results = el('section', { class: 'motion-results', 'aria-live': 'polite' });

  // The filters as the address has them.
  function state() {
    const s = {};
    for (const name of [...TEXT_FIELDS, ...SELECT_FIELDS]) s[name] = (param(name) || '').trim();
    for (const name of CHECK_FIELDS) s[name] = param(name) === 'true';
    s.page = Math.max(1, parseInt(param('page') || '1', 10) || 1);
    return s;
  }

  function query(s, withPage) {
    const qs = new URLSearchParams();
    for (const name of [...SELECT_FIELDS, ...TEXT_FIELDS]) if (s[name]) qs.set(name, s[name]);
    for (const name of CHECK_FIELDS) if (s[name]) qs.set(name, 'true');
    if (withPage && s.page > 1) qs.set('page', String(s.page));
    return qs;
  }

  function fromForm() {
    const s = {};
    for (const name of [...TEXT_FIELDS, ...SELECT_FIELDS]) s[name] = form.elements[name].value.trim();
    for (const name of CHECK_FIELDS) s[name] = form.elements[name].checked;
    s.page = 1;
    return s;
  }

  function toForm(s) {
    for (const name of [...TEXT_FIELDS, ...SELECT_FIELDS]) {
      const field = form.elements[name];
      if (field.tagName === 'SELECT' && s[name] && ![...field.options].some((o) => o.value === s[name])) {
        field.append(el('option', { value: s[name], text: s[name] }));
      }
      field.value = s[name];
    }
    for (const name of CHECK_FIELDS) form.elements[name].checked = s[name];
  }

  // A new filter is a new entry in the history, so back returns to the previous one.
  function go(s) {
    const qs = query(s, true).toString();
    history.pushState(null, '', 'motions.html' + (qs ? '?' + qs : ''));
    show(s);
  }

  function buildForm(advice) {
    const select = (name, label, options) => el('label', {}, label,
      el('select', { name }, options.map(([value, text]) => el('option', { value, text }))));
    const text = (name, label, placeholder) => el('label', {}, label, el('input', { type: 'text', name, placeholder, maxlength: '100' }));
    const check = (name, label) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name, value: 'true' }), label);
    form.append(
      select('outcome', 'Outcome', OUTCOMES),
      text('party', 'Sponsor party', 'GroenLinks, VVD, …'),
      select('advice', 'Cabinet advice', [['', 'any advice'], ...advice.map((a) => [a.advice, `${a.advice} (${a.motions})`])]),
      text('from', 'From', 'yyyy or yyyy-mm-dd'),
      text('to', 'To', 'yyyy or yyyy-mm-dd'),
      text('dossier', 'Dossier', '21501-08'),
      check('adoptedNeverCited', 'adopted and never cited since'),
      check('decided', 'with an outcome only'),
      check('citedSinceVote', 'cited by a later document'),
      el('button', { type: 'submit', text: 'Apply' }));
    form.addEventListener('submit', (e) => { e.preventDefault(); go(fromForm()); });
    form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT' || e.target.type === 'checkbox') go(fromForm()); });
  }

  function row(m) {
    return el('tr', { class: 'motion-row', 'data-id': m.id, 'data-outcome': m.outcome || 'unknown' },
      el('td', {}, el('a', { href: motionHref(m.id), text: m.id }), m.title && m.title !== m.id ? el('div', { class: 'muted motion-title', text: m.title }) : null),
      el('td', { class: 'date' }, m.date || (m.voteDate ? el('span', { class: 'muted', text: `voted ${m.voteDate}` }) : '')),
      el('td', {}, outcomeBadge(m.outcome), m.disputed ? el('span', { class: 'badge badge-mistake', title: 'the sources disagree', text: 'disputed' }) : null),
      el('td', { class: 'votes', text: votes(m.votesFor, m.votesAgainst) }),
      el('td', { class: 'advice', text: m.cabinetAdvice || '' }),
      el('td', { class: 'sponsors' }, m.sponsors.map((s, i) => [i ? '; ' : '', el('a', { href: KV.personHref(s.personId), class: 'person-link', text: s.name }), s.party ? ` (${s.party})` : ''])),
      el('td', { class: 'num cited-by', text: String(m.citedBy) }),
      el('td', { class: 'num cited-after', text: String(m.citedAfterVote) }),
      el('td', { class: 'date last-cited', text: m.lastCited || '' }));
  }

  function pageLink(s, page, text, cls) {
    const target = Object.assign({}, s, { page });
    const qs = query(target, true).toString();
    return el('a', {
      href: 'motions.html' + (qs ? '?' + qs : ''), class: cls, text,
      onclick: (e) => { if (e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey) { e.preventDefault(); go(target); } },
    });
  }

  let shown = 0;

  async function show(s) {
    const mine = ++shown;
    toForm(s);
    KV.fill(results, el('p', { class: 'muted', text: 'Loading…' }));
    const qs = query(s, false);
    qs.set('page', String(s.page));
    qs.set('pageSize', String(PAGE_SIZE));
    let list;
    try {
      list = await getJson('/api/motions?' + qs.toString());
    } catch (e) {
      if (mine === shown) KV.error(results, e);
      return;
    }
    if (mine !== shown) return; // a later filter was chosen while this one loaded
    const first = (list.page - 1) * list.pageSize + 1;
    const last = first + list.items.length - 1;
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    const headers = ['Motion', 'Date', 'Outcome', 'Votes for–against', 'Cabinet advice', 'Sponsors (party)', 'Cited by', 'Cited after the vote', 'Last cited'];
    KV.fill(results,
      el('p', { class: 'motion-total', 'data-total': String(list.total) },
        list.total === 1 ? '1 motion matches' : `${list.total} motions match`,
        list.items.length ? `; ${first}–${last} shown` : null,
        list.items.length ? [' ', el('a', { href: '/api/motions.csv?' + qs.toString(), class: 'csv-link', download: '', 'aria-label': 'Download these motions as CSV', text: 'CSV' })] : null),
      list.items.length
        ? el('table', { class: 'citations motions' },
          el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
          el('tbody', {}, list.items.map(row)))
        : el('p', { class: 'no-match', text: 'No motions match these filters.' }),
      pages > 1
        ? el('nav', { class: 'pager', 'aria-label': 'Pages' },
          list.page > 1 ? pageLink(s, list.page - 1, '← previous', 'prev') : null,
          el('span', { class: 'muted', text: `page ${list.page} of ${pages}` }),
          list.page < pages ? pageLink(s, list.page + 1, 'next →', 'next') : null)
        : null);
  }

  async function run() {
    let stats = { cabinetAdvice: [] };
    try {
      stats = await getJson('/api/motions/stats');
    } catch (e) {
      KV.error(main, e);
      return;
    }
    buildForm(stats.cabinetAdvice);
    KV.fill(main, el('h1', { text: 'Motions' }), form, results);
    window.addEventListener('popstate', () => show(state()));
    show(state());
  }

  run();
})();
