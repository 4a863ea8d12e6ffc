// The person page: who it is (offices, parties over time), the questions they asked, the answers they signed, the
// motions they sponsored with their fate, and how often their documents are cited; lists, each with a CSV link.
'use strict';

(() => {
  const { el, getJson, param, enc, partyHref, graphHref } = KV;
  const { documents, motions, csvUrl, number, table } = KV.Lists;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());

  const span = (from, to) => (from ? (to && to !== from ? `${from} – ${to}` : from) : 'undated');

  async function run() {
    const id = param('id');
    if (!id) { KV.error(main, new Error('No id given.')); return; }
    let p;
    try {
      p = await getJson(`/api/person?id=${enc(id)}${param('limit') ? '&limit=' + enc(param('limit')) : ''}`);
    } catch (e) {
      KV.error(main, e);
      return;
    }
    document.title = `${p.name} · KvGraph explorer`;
    const url = (list) => csvUrl('/api/person', Object.assign({ id: p.id }, param('limit') ? { limit: param('limit') } : {}), list);
    const partyRows = p.parties.map((x) => el('tr', { class: 'party-span', 'data-party': x.partyId },
      el('td', {}, el('a', { href: partyHref(x.partyId), text: x.party })), el('td', { text: span(x.from, x.to) })));
    const officeRows = p.offices.map((o) => el('tr', { class: 'office-span' },
      el('td', { text: o.office }), el('td', { class: 'num', text: number(o.documents) }), el('td', { text: span(o.from, o.to) })));
    const roles = [
      p.questions.total ? `asked ${number(p.questions.total)} question${p.questions.total === 1 ? '' : 's'}` : null,
      p.answers.total ? `signed ${number(p.answers.total)} answer${p.answers.total === 1 ? '' : 's'}` : null,
      p.motions.total ? `sponsored ${number(p.motions.total)} motion${p.motions.total === 1 ? '' : 's'}` : null,
      p.mentionedIn ? `is mentioned in ${number(p.mentionedIn)} document${p.mentionedIn === 1 ? '' : 's'}` : null,
    ].filter(Boolean);
    KV.fill(main,
      el('h1', { text: p.name }),
      el('p', {}, KV.badge('person', 'badge-kind'), ' ', el('code', { text: p.id }), ' ', el('a', { href: graphHref(p.id), text: 'Graph view' })),
      el('p', { class: 'person-summary' }, roles.length ? `In the corpus, ${p.name} ${roles.join(', ')}.` : 'In the corpus only as a name.',
        ' ', el('span', { class: 'person-cited', text: `Their documents are cited by ${number(p.citedBy)} other document${p.citedBy === 1 ? '' : 's'}.` })),
      el('h2', { text: 'Parties over time' }),
      partyRows.length ? table('parties', 'Parties (first and last document naming the party)', partyRows.length, ['Party', 'When'], partyRows, url('parties'))
        : el('p', { class: 'muted', text: 'No party known.' }),
      officeRows.length ? [el('h2', { text: 'Offices' }), table('offices', 'Offices answered in', officeRows.length, ['Office', 'Answers', 'When'], officeRows, url('offices'))] : null,
      el('h2', { text: 'Questions asked' }),
      documents('Questions', p.questions, url('questions')),
      el('h2', { text: 'Answers signed' }),
      documents('Answers', p.answers, url('answers')),
      el('h2', { text: 'Motions sponsored' }),
      motions('Motions', p.motions, url('motions')));
  }

  run();
})();
