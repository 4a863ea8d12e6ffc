// The motion page: what became of the motion (outcome, vote, per-party votes, the cabinet's advice, where the sources
// disagree), its sponsors with their party at the time, and its timeline from submission through the vote to every
// document citing it. All of it comes from /api/motion (Core's one view of a motion's fate); nothing is derived here.
'use strict';

(() => {
  const { el, getJson, param, enc, docHref, graphHref, badge, outcomeBadge, votes } = KV;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());

  const KIND_NAMES = { submitted: 'submitted', vote: 'vote', cited: 'cited' };

  // For / against / other, each part as wide as its share, labelled with its number; one accessible image.
  function voteBar(fate) {
    const parts = [
      ['for', fate.votesFor, 'vote-for'],
      ['against', fate.votesAgainst, 'vote-against'],
      ['other', fate.votesOther, 'vote-other'],
    ];
    const total = parts.reduce((sum, p) => sum + (p[1] || 0), 0);
    const label = parts.map(([name, n]) => `${n === null || n === undefined ? 'unknown' : n} ${name}`).join(', ');
    const bar = el('div', { class: 'vote-bar', role: 'img', 'aria-label': `Votes: ${label}` });
    for (const [name, n, cls] of parts) {
      if (!n) continue;
      const share = total ? (100 * n) / total : 0;
      bar.append(el('span', { class: `vote-part ${cls}`, style: `width: ${share.toFixed(2)}%`, title: `${n} ${name}`, 'aria-hidden': 'true', text: String(n) }));
    }
    return el('div', { class: 'vote-bar-wrap' }, bar,
      el('p', { class: 'vote-legend muted', 'aria-hidden': 'true' }, parts.map(([name, n, cls]) => el('span', { class: `legend-${cls}` }, el('span', { class: `swatch ${cls}` }), ` ${n === null || n === undefined ? '?' : n} ${name} `))));
  }

  function fateFacts(fate) {
    const rows = [
      ['Outcome', el('span', {}, outcomeBadge(fate.outcome), fate.decision ? el('span', { class: 'muted', text: ` ${fate.decision}` }) : null)],
      ['Vote date', fate.voteDate ? el('time', { class: 'vote-date', text: fate.voteDate }) : null],
      ['Kind of vote', fate.voteKind],
      ['Votes', votes(fate.votesFor, fate.votesAgainst) + (fate.unanimous ? ' (met algemene stemmen)' : '')],
      ['Cabinet advice', fate.cabinetAdvice ? el('span', { class: 'cabinet-advice', text: fate.cabinetAdvice }) : null],
    ];
    const dl = el('dl', { class: 'meta fate' });
    for (const [name, value] of rows) {
      if (value === null || value === undefined || value === '') continue;
      dl.append(el('dt', { text: name }), el('dd', {}, value));
    }
    return dl;
  }

  function partyTable(fate) {
    const rows = fate.partyVotes.map((v) => el('tr', { class: `party-vote vote-${v.vote.replace(/\s+/g, '-')}`, 'data-party': v.partyId, 'data-vote': v.vote },
      el('td', { class: 'party', text: v.party }),
      el('td', { class: 'vote' }, v.vote, v.mistake ? ' ' : null, v.mistake ? badge('Vergissing', 'badge-mistake') : null),
      el('td', { class: 'seats', text: v.seats === null || v.seats === undefined ? '' : String(v.seats) }),
      el('td', { class: 'source' }, el('a', { href: docHref(v.source), text: v.source }))));
    if (fate.othersVoted) {
      rows.push(el('tr', { class: 'others-voted', 'data-vote': fate.othersVoted },
        el('td', { class: 'party', text: 'other parties' }), el('td', { class: 'vote', text: fate.othersVoted }), el('td', { text: '' }), el('td', { text: '' })));
    }
    return el('table', { class: 'citations party-votes' },
      el('thead', {}, el('tr', {}, ...['Party', 'Vote', 'Seats', 'Source'].map((h) => el('th', { text: h })))),
      el('tbody', {}, rows));
  }

  function sources(fate) {
    return el('table', { class: 'citations fate-sources' },
      el('thead', {}, el('tr', {}, ...['Source', 'Says', 'Votes', 'Date', 'Quote'].map((h) => el('th', { text: h })))),
      el('tbody', {}, fate.claims.map((c) => el('tr', { class: 'claim', 'data-source': c.source },
        el('td', {}, el('a', { href: docHref(c.source), text: c.source }), ' ', badge(c.sourceKind, 'badge-kind')),
        el('td', {}, c.outcome ? outcomeBadge(c.outcome) : el('span', { class: 'muted', text: 'no outcome' }), c.cabinetAdvice ? ` · advice: ${c.cabinetAdvice}` : null),
        el('td', { text: votes(c.votesFor, c.votesAgainst) + (c.unanimous ? ' (met algemene stemmen)' : '') }),
        el('td', { text: c.date || '' }),
        el('td', { class: 'quote', text: c.quote || '' })))));
  }

  function disagreements(list) {
    return el('div', { class: 'disagreements warning', role: 'alert' },
      el('strong', { text: 'Sources disagree' }),
      el('ul', {}, list.map((d) => el('li', { text: d }))));
  }

  function timelineItem(t) {
    const title = t.title || t.documentId;
    return el('li', { class: `timeline-item step-${t.kind}${t.afterVote ? ' after-vote' : ''}`, 'data-id': t.documentId, 'data-kind': t.kind },
      el('time', { text: t.date || 'undated' }),
      el('div', { class: 'timeline-body' },
        badge(KIND_NAMES[t.kind] || t.kind, `badge-step step-${t.kind}`), ' ',
        t.documentKind ? badge(t.documentKind, 'badge-kind') : null, ' ',
        el('a', { href: docHref(t.documentId), text: title }),
        t.inCorpus ? null : [' ', KV.notInCorpus(t.officialUrl)],
        t.afterVote ? [' ', badge('after the vote', 'badge-after')] : null,
        t.detail ? el('span', { class: 'muted', text: ` · ${t.detail}` }) : null,
        t.quote ? el('blockquote', { text: t.quote }) : null));
  }

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
    const fate = view.fate;
    document.title = `Motion ${m.id} · KvGraph explorer`;
    // The party's page too: the fate's sponsors carry the party's id.
    const partyOf = new Map((fate ? fate.sponsors : []).map((s) => [s.personId, s.partyId]));
    const sponsors = el('ul', { class: 'sponsors' }, ...view.sponsors.map((s) => el('li', { class: 'sponsor' },
      s.personId ? el('a', { href: KV.personHref(s.personId), class: 'person-link', text: s.name }) : s.name,
      ' ', s.party ? (partyOf.get(s.personId) ? el('a', { href: KV.partyHref(partyOf.get(s.personId)), class: 'party-link' }, badge(s.party, 'badge-party')) : badge(s.party, 'badge-party'))
        : el('span', { class: 'muted', text: '(party unknown)' }))));

    // A motion node whose sources record nothing yet (a text without its vote) has a fate with no claims.
    const recorded = fate && fate.claims.length > 0;
    const cited = view.timeline.filter((t) => t.kind === 'cited');
    const years = cited.map((t) => t.date).filter(Boolean).sort();
    const span = years.length ? `, ${years[0]} – ${years[years.length - 1]}` : '';
    const afterVote = recorded && view.citedBy ? `; ${view.citedAfterVote} after the vote` : '';
    const timeline = el('ol', { class: 'timeline' }, view.timeline.map(timelineItem));

    const fateSection = recorded
      ? [
        el('h2', { text: 'Outcome' }),
        el('section', { class: 'motion-fate' },
          fateFacts(fate),
          fate.votesFor !== null || fate.votesAgainst !== null
            ? voteBar(fate)
            : el('p', { class: 'muted no-counts', text: fate.partyVotes.length ? 'No vote counts recorded; the votes by party are below.' : 'No vote counts recorded.' }),
          fate.disagreements.length ? disagreements(fate.disagreements) : null),
        fate.partyVotes.length || fate.othersVoted ? [el('h2', { text: 'Votes by party' }), partyTable(fate)] : null,
        el('details', { class: 'fate-sources-wrap' }, el('summary', { text: `Sources (${fate.claims.length})` }), sources(fate)),
      ]
      : [el('p', { class: 'muted no-fate', text: 'No source in the corpus records a vote or decision on this motion.' })];

    const graphHost = el('div', { class: 'graph' });
    KV.fill(main,
      el('h1', {}, 'Motion ', el('code', { text: m.id }), ' ', recorded ? outcomeBadge(fate.outcome) : null),
      el('p', {}, badge(m.label, 'badge-kind'), ' ', m.inCorpus ? el('a', { href: docHref(m.id), text: 'full text' }) : KV.notInCorpus(m.officialUrl),
        ' ', el('a', { href: graphHref(m.id), text: 'Graph view' }),
        m.properties && m.properties.dossier ? [' ', el('a', { href: KV.dossierHref(m.properties.dossier), class: 'dossier-link', text: `Dossier ${m.properties.dossier}` })] : null),
      view.title ? el('p', { class: 'motion-title', text: view.title }) : null,
      fateSection,
      el('h2', { text: 'Sponsors' }),
      view.sponsors.length ? sponsors : el('p', { class: 'muted', text: 'No sponsors known.' }),
      el('h2', { text: 'Timeline' }),
      el('p', { class: 'cited-count', text: `Cited by ${view.citedBy} document${view.citedBy === 1 ? '' : 's'}${span}${afterVote}${view.truncated ? ' (timeline cut short)' : ''}` }),
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
