// Lists the start, person, party and dossier pages share: documents and motions as tables with a caption, the true
// total, and a "CSV" link that downloads the same rows (the list's endpoint with format=csv&list=NAME).
'use strict';

KV.Lists = (() => {
  const { el, docHref, motionHref, nodeHref, personHref, badge, outcomeBadge, votes } = KV;

  const entryHref = (e) => (e.kind === 'motion' ? motionHref(e.id) : nodeHref(e.id));
  const number = (n) => Number(n).toLocaleString('en-GB');

  // The address of one list as CSV: the page's endpoint with format=csv and the list's name.
  function csvUrl(endpoint, params, list) {
    const qs = new URLSearchParams(params || {});
    qs.set('format', 'csv');
    qs.set('list', list);
    return `${endpoint}?${qs.toString()}`;
  }

  function csvLink(url, what) {
    return el('a', { href: url, class: 'csv-link', download: '', 'aria-label': `Download ${what} as CSV`, text: 'CSV' });
  }

  // "12 of 340 shown" when a list is cut at the page's limit.
  function caption(title, total, shown, url) {
    const count = total > shown ? ` (${number(shown)} of ${number(total)} shown)` : ` (${number(total)})`;
    return el('caption', {}, title + count, url ? [' ', csvLink(url, title)] : null);
  }

  function table(cls, title, total, headers, rows, url) {
    return el('table', { class: `list ${cls}` },
      caption(title, total, rows.length, url),
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows));
  }

  // Documents: title (linked to its page), kind, date, and how many documents cite it.
  function documents(title, list, url, opts) {
    const o = opts || {};
    const items = list.items || list;
    const total = list.total === undefined ? items.length : list.total;
    const rows = items.map((d) => el('tr', { class: 'doc-row', 'data-id': d.id },
      el('td', {}, el('a', { href: entryHref(d), text: d.title || d.id }), d.title ? el('div', { class: 'muted' }, el('code', { text: d.id })) : null),
      el('td', {}, badge(d.kind, 'badge-kind'), d.inCorpus ? null : [' ', badge('not in corpus', 'badge-missing')]),
      el('td', { text: d.date || '' }),
      el('td', { class: 'num cited-by', text: number(d.citedBy) }),
      o.extra ? el('td', {}, o.extra(d)) : null));
    const headers = ['Document', 'Kind', 'Date', 'Cited by (documents)'].concat(o.extraHeader ? [o.extraHeader] : []);
    return items.length ? table('documents', title, total, headers, rows, url) : el('p', { class: 'muted empty', text: `${title}: none.` });
  }

  // Motions: title and id, date, outcome, votes, sponsors (linked to their pages) and citing documents.
  function motions(title, list, url) {
    const items = list.items || list;
    const total = list.total === undefined ? items.length : list.total;
    const rows = items.map((m) => el('tr', { class: 'motion-row', 'data-id': m.id, 'data-outcome': m.outcome || 'unknown' },
      el('td', {}, el('a', { href: motionHref(m.id), text: m.title || m.id }), m.title ? el('div', { class: 'muted' }, el('code', { text: m.id })) : null),
      el('td', { text: m.date || '' }),
      el('td', {}, outcomeBadge(m.outcome)),
      el('td', { text: votes(m.votesFor, m.votesAgainst) }),
      el('td', {}, m.sponsors.map((s, i) => [i ? ', ' : '', el('a', { href: personHref(s.personId), text: s.name }), s.party ? ` (${s.party})` : ''])),
      el('td', { class: 'num cited-by', text: number(m.citedBy) })));
    return items.length
      ? table('motions', title, total, ['Motion', 'Date', 'Outcome', 'Votes', 'Sponsors', 'Cited by (documents)'], rows, url)
      : el('p', { class: 'muted empty', text: `${title}: none.` });
  }

  return { csvUrl, csvLink, caption, table, documents, motions, entryHref, number, docHref };
})();
