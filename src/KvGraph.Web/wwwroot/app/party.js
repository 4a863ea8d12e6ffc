// The party page: its members in the corpus, the motions they sponsored with adopted / rejected counts, and the party's
// votes on motions (for / against), each list with a CSV link.
'use strict';

(() => {
  const { el, getJson, param, enc, personHref, motionHref, docHref } = KV;
  const { motions, csvUrl, number, table } = KV.Lists;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());

  async function run() {
    const id = param('id');
    if (!id) { KV.error(main, new Error('No id given.')); return; }
    let p;
    try {
      p = await getJson(`/api/party?id=${enc(id)}${param('limit') ? '&limit=' + enc(param('limit')) : ''}`);
    } catch (e) {
      KV.error(main, e);
      return;
    }
    document.title = `${p.name} · KvGraph explorer`;
    const url = (list) => csvUrl('/api/party', Object.assign({ id: p.id }, param('limit') ? { limit: param('limit') } : {}), list);
    const memberRows = p.members.items.map((m) => el('tr', { class: 'member', 'data-id': m.personId },
      el('td', {}, el('a', { href: personHref(m.personId), text: m.name })),
      el('td', { text: m.from ? (m.to && m.to !== m.from ? `${m.from} – ${m.to}` : m.from) : 'undated' })));
    const voteRows = p.votes.items.map((v) => el('tr', { class: 'party-vote', 'data-id': v.motionId, 'data-vote': v.vote },
      el('td', {}, el('a', { href: motionHref(v.motionId), text: v.title || v.motionId })),
      el('td', { text: v.date || '' }),
      el('td', {}, v.vote, v.mistake ? [' ', KV.badge('Vergissing', 'badge-mistake')] : null),
      el('td', {}, KV.outcomeBadge(v.outcome)),
      el('td', {}, v.source ? el('a', { href: docHref(v.source), text: v.source }) : '')));
    KV.fill(main,
      el('h1', { text: p.name }),
      el('p', {}, KV.badge('party', 'badge-kind'), ' ', el('code', { text: p.id })),
      el('p', { class: 'party-summary' },
        `${number(p.members.total)} member${p.members.total === 1 ? '' : 's'} in the corpus; `,
        el('span', { class: 'party-motions', text: `${number(p.motions.total)} motions sponsored: ${number(p.motionsAdopted)} adopted, ${number(p.motionsRejected)} rejected; ` }),
        el('span', { class: 'party-votes', text: `votes on ${number(p.votes.total)} motions: ${number(p.votedFor)} for, ${number(p.votedAgainst)} against, ${number(p.votedOther)} other.` })),
      el('h2', { text: 'Members' }),
      memberRows.length ? table('members', 'Members', p.members.total, ['Member', 'Named with the party'], memberRows, url('members')) : el('p', { class: 'muted', text: 'No members known.' }),
      el('h2', { text: 'Motions sponsored' }),
      motions('Motions with a sponsor of this party', p.motions, url('motions')),
      el('h2', { text: 'Votes' }),
      voteRows.length ? table('votes', 'Votes on motions', p.votes.total, ['Motion', 'Date', 'Vote', 'Outcome', 'Source'], voteRows, url('votes'))
        : el('p', { class: 'muted', text: 'No votes recorded.' }));
  }

  run();
})();
