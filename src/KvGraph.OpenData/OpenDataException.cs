namespace KvGraph.OpenData;

/// <summary>
/// The open-data API answered something the client cannot go on with: a status that is not transient (400, 401,
/// 404, …), a body that is not an OData collection, or transient errors that outlasted every attempt. The message
/// names the URL and what came back; the fetch state still holds the last completed page.
/// </summary>
public sealed class OpenDataException : Exception
{
    public OpenDataException()
    {
    }

    public OpenDataException(string message) : base(message)
    {
    }

    public OpenDataException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The URL that failed, when there was one.</summary>
    public Uri? Url { get; init; }

    /// <summary>The HTTP status of the last answer, when there was one.</summary>
    public int? Status { get; init; }
}
