// The dossier page: its stukken (in the corpus or only cited), its motions with their fate, and the documents citing
// into it, each list with a CSV link.
'use strict';

(() => {
  const { el, getJson, param, enc } = KV;
  const { documents, motions, csvUrl } = KV.Lists;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());

  async function run() {
    const id = param('id');
    if (!id) { KV.error(main, new Error('No id given.')); return; }
    let d;
    try {
      d = await getJson(`/api/dossier?id=${enc(id)}${param('limit') ? '&limit=' + enc(param('limit')) : ''}`);
    } catch (e) {
      KV.error(main, e);
      return;
    }
    document.title = `Dossier ${d.number} · KvGraph explorer`;
    const url = (list) => csvUrl('/api/dossier', Object.assign({ id: d.id }, param('limit') ? { limit: param('limit') } : {}), list);
    const citedBy = { total: d.citedBy.total, items: d.citedBy.items.map((c) => Object.assign({}, c.document, { cites: c.cites })) };
    KV.fill(main,
      el('h1', {}, 'Dossier ', el('code', { text: d.number })),
      el('p', {}, KV.badge('dossier', 'badge-kind'), ' ',
        d.officialUrl ? el('a', { href: d.officialUrl, class: 'official', rel: 'noopener noreferrer', target: '_blank', text: 'official source' }) : null),
      el('h2', { text: 'Stukken' }),
      documents('Stukken in this dossier', d.stukken, url('stukken')),
      el('h2', { text: 'Motions' }),
      motions('Motions in this dossier', d.motions, url('motions')),
      el('h2', { text: 'Cited by' }),
      documents('Documents citing into this dossier', citedBy, url('citedBy'), {
        extraHeader: 'Cites',
        extra: (c) => c.cites.map((t, i) => [i ? ', ' : '', el('a', { href: KV.nodeHref(t), text: t })]),
      }));
  }

  run();
})();
