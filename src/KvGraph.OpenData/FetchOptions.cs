namespace KvGraph.OpenData;

/// <summary>
/// How <see cref="MotionFetcher"/> talks to the API. Validated on construction: a base address that is absolute
/// http(s) and ends in '/', a positive rate, at least one attempt.
/// </summary>
public sealed record FetchOptions
{
    /// <summary>The production OData v4 address of the Tweede Kamer's Gegevensmagazijn.</summary>
    public static readonly Uri ProductionBase = new("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/");

    /// <summary>The environment variable that overrides the base address.</summary>
    public const string BaseUrlVariable = "KVGRAPH_ODATA_URL";

    private readonly Uri _baseUrl = ProductionBase;
    private readonly double _rate = 2;
    private readonly int? _pageSize;
    private readonly int _maxAttempts = 6;
    private readonly int? _maxPages;

    /// <summary>The service root; entity sets are resolved against it (<c>{base}Zaak</c>).</summary>
    public Uri BaseUrl
    {
        get => _baseUrl;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!value.IsAbsoluteUri || value.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"The open-data base address must be an absolute http(s) URL, not '{value}'.", nameof(value));
            }

            _baseUrl = value.AbsoluteUri.EndsWith('/') ? value : new Uri(value.AbsoluteUri + "/");
        }
    }

    /// <summary>At most this many requests per second, retries included (default 2).</summary>
    public double RequestsPerSecond
    {
        get => _rate;
        init => _rate = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The request rate must be a positive number of requests per second.");
    }

    /// <summary>
    /// Records per page asked of the server with <c>Prefer: odata.maxpagesize</c> (OData v4); null leaves the page
    /// size to the server (the Gegevensmagazijn pages at 250). <c>$top</c> is not used: there it caps the whole result
    /// and suppresses <c>@odata.nextLink</c>.
    /// </summary>
    public int? PageSize
    {
        get => _pageSize;
        init => _pageSize = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The page size must be at least 1.");
    }

    /// <summary>Attempts per request before a transient error becomes a failure (default 6).</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one attempt.");
    }

    /// <summary>The first back-off delay; each retry doubles it (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off delay between two attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest Retry-After the client waits; a server asking for more stops the fetch with a clear error.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one request (headers and body) may take before it counts as a timeout and is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Stop after this many pages in this run (the state keeps the next link: the next run goes on); null: no limit.</summary>
    public int? MaxPages
    {
        get => _maxPages;
        init => _maxPages = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The page limit must be at least 1.");
    }

    /// <summary>Start a new walk for records changed after this moment, instead of the stored high-water mark.</summary>
    public DateTimeOffset? Since { get; init; }
}
