// KvGraph schema for Neo4j 4.4, 5.x and later (Aura included).
//
// Every node carries :Node plus its kind (:Document:Question, :Person, :Placeholder, ...) and a property
// `id` that is unique over ALL nodes; the :Node constraint is what MERGE uses, so a placeholder becomes
// the real document in place when that document is pushed. The per-kind constraints make lookups by
// kind (MATCH (d:Document {id: $id})) index-backed too. Provenance lives on :KvFile {path} nodes (one per
// source file, not :Node), with an ASSERTS relationship to each node the file asserts.
//
// `kvgraph push` creates this schema itself before any data, in the syntax of the server it finds
// (Neo4j 3.x gets CREATE CONSTRAINT ON (n:L) ASSERT n.id IS UNIQUE and no full-text index).
// Run by hand:  cypher-shell -a neo4j://localhost:7687 -f cypher/schema.cypher
// This file is generated from SchemaStatements.Modern(); a test keeps the two identical.
CREATE CONSTRAINT kv_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_dossier_id IF NOT EXISTS FOR (n:Dossier) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_office_id IF NOT EXISTS FOR (n:Office) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_zaak_id IF NOT EXISTS FOR (n:Zaak) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_placeholder_id IF NOT EXISTS FOR (n:Placeholder) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kv_file_path IF NOT EXISTS FOR (f:KvFile) REQUIRE f.path IS UNIQUE;
CREATE INDEX kv_document_date IF NOT EXISTS FOR (n:Document) ON (n.date);
CREATE INDEX kv_document_zaak IF NOT EXISTS FOR (n:Document) ON (n.zaak);
CREATE INDEX kv_cites_kind IF NOT EXISTS FOR ()-[r:CITES]-() ON (r.kind);
CREATE FULLTEXT INDEX kv_document_text IF NOT EXISTS FOR (n:Document) ON EACH [n.name, n.title, n.text];
