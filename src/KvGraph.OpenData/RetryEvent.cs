namespace KvGraph.OpenData;

/// <summary>One transient failure that was retried: which URL, why (<c>HTTP 429</c>, <c>HTTP 503</c>, <c>timeout</c>, <c>connection: …</c>), which attempt failed, and how long the client waited before the next.</summary>
public sealed record RetryEvent(Uri Url, string Reason, int Attempt, TimeSpan Delay, bool FromRetryAfter);
