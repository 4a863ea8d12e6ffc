namespace KvGraph.Neo4j.Http;

/// <summary>Which HTTP API a server is spoken to with.</summary>
public enum Neo4jApi
{
    /// <summary>3.x: <c>/db/data/transaction/commit</c>, one database.</summary>
    Legacy3Transactional,

    /// <summary>4.x/5.x: <c>/db/{db}/tx/commit</c>.</summary>
    Transactional,

    /// <summary>5.19+ and Aura: <c>/db/{db}/query/v2</c>, typed JSON.</summary>
    QueryV2,
}

/// <summary>What discovery (<c>GET /</c>) found: the version and the endpoint chosen for Cypher.</summary>
/// <param name="Version">The version the server reports, e.g. 3.1.1 or 5.26.0.</param>
/// <param name="Edition">community / enterprise / aura, when reported.</param>
/// <param name="Api">The API chosen.</param>
/// <param name="CommitEndpoint">Absolute URL statements are posted to.</param>
public sealed record Neo4jServerInfo(Version Version, string? Edition, Neo4jApi Api, Uri CommitEndpoint)
{
    /// <summary>4.4 and later understand <c>CREATE CONSTRAINT name IF NOT EXISTS FOR … REQUIRE …</c>.</summary>
    public bool SupportsModernSchemaSyntax => Version >= new Version(4, 4);

    /// <summary>
    /// 4.4 and later commit a statement's rows in transactions of their own (<c>CALL { … } IN TRANSACTIONS OF n ROWS</c>),
    /// in an implicit transaction: a single statement on the commit endpoint or the Query API.
    /// </summary>
    public bool SupportsCallInTransactions => Version >= new Version(4, 4);

    /// <summary>Native full-text indexes as DDL (<c>CREATE FULLTEXT INDEX</c>) exist from 5.0.</summary>
    public bool SupportsFullTextDdl => Version.Major >= 5;

    /// <summary>4.0–4.4 create full-text indexes with a procedure.</summary>
    public bool SupportsFullTextProcedure => Version.Major == 4;

    /// <summary>Several statements in one request, in one transaction (the transactional endpoints).</summary>
    public bool SupportsMultiStatementTransactions => Api != Neo4jApi.QueryV2;
}
