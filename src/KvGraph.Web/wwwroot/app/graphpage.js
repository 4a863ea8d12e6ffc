// The full-page graph view of one node's neighbourhood.
'use strict';

(() => {
  const { el, param } = KV;
  const main = document.getElementById('main');
  document.body.prepend(KV.nav());
  const id = param('id');
  if (!id) { KV.error(main, new Error('No id given.')); return; }
  const host = el('div', { class: 'graph' });
  main.replaceChildren(
    el('h1', {}, 'Graph: ', el('a', { href: KV.nodeHref(id), text: id })),
    host,
    KV.cypherPanel('neighbourhood', { id }));
  const graph = KV.Graph.create(host, {
    height: '70vh',
    onOpen: (nodeId, label) => { location.href = KV.nodeHref(nodeId, label); },
  });
  window.kvGraph = graph;
  graph.load(id);
})();
