using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KvGraph.OpenData;

/// <summary>
/// GETs for the open-data API, polite and patient: request starts are spaced to at most
/// <see cref="FetchOptions.RequestsPerSecond"/> (retries included); 429 (honouring Retry-After), 5xx, timeouts and
/// connection failures are retried with exponential back-off and jitter, up to <see cref="FetchOptions.MaxAttempts"/>;
/// anything else is an <see cref="OpenDataException"/> naming the URL and the status.
/// </summary>
internal sealed class PoliteHttp
{
    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly TimeSpan _interval;
    private readonly Action<RetryEvent>? _onRetry;
    private readonly Random _jitter = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public PoliteHttp(HttpClient http, FetchOptions options, Action<RetryEvent>? onRetry)
    {
        _http = http;
        _options = options;
        _onRetry = onRetry;
        _interval = TimeSpan.FromSeconds(1 / options.RequestsPerSecond);
    }

    /// <summary>The body of a 200 answer to GET <paramref name="url"/>, after as many attempts as transient errors need.</summary>
    public async Task<byte[]> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
            string reason;
            TimeSpan? retryAfter = null;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.RequestTimeout);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.Accept.ParseAdd("application/json");
                    if (_options.PageSize is { } size)
                    {
                        request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={size.ToString(CultureInfo.InvariantCulture)}");
                    }

                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return body;
                    }

                    if (status != 429 && status < 500)
                    {
                        throw new OpenDataException($"GET {url} answered HTTP {status} {response.ReasonPhrase}{Detail(body)}") { Url = url, Status = status };
                    }

                    reason = $"HTTP {status}";
                    retryAfter = RetryAfter(response);
                    if (retryAfter > _options.MaxRetryAfter)
                    {
                        throw new OpenDataException(
                            $"GET {url} answered HTTP {status} and asks to wait {retryAfter.Value.TotalSeconds:0} s (Retry-After), longer than {_options.MaxRetryAfter.TotalSeconds:0} s; run the fetch again later (it resumes)")
                        { Url = url, Status = status };
                    }

                    if (attempt >= _options.MaxAttempts)
                    {
                        throw new OpenDataException($"GET {url} failed after {attempt} attempts; the last answer was HTTP {status} {response.ReasonPhrase}{Detail(body)}") { Url = url, Status = status };
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    reason = $"timeout after {_options.RequestTimeout.TotalSeconds:0.#} s";
                    if (attempt >= _options.MaxAttempts)
                    {
                        throw new OpenDataException($"GET {url} failed after {attempt} attempts; the last one timed out after {_options.RequestTimeout.TotalSeconds:0.#} s") { Url = url };
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    reason = $"connection: {e.Message}";
                    if (attempt >= _options.MaxAttempts)
                    {
                        throw new OpenDataException($"GET {url} failed after {attempt} attempts; the last one failed to connect or was cut off ({e.Message})", e) { Url = url };
                    }
                }
            }

            var delay = retryAfter ?? Backoff(attempt);
            _onRetry?.Invoke(new RetryEvent(url, reason, attempt, delay, retryAfter is not null));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential back-off with "equal jitter": half the doubled delay fixed, half random.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var full = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds((full / 2) + (_jitter.NextDouble() * full / 2));
    }

    private async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var start = _nextStart > now ? _nextStart : now;
        _nextStart = start + _interval;
        if (start > now)
        {
            await Task.Delay(start - now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>": " and the OData error message, else the start of the body; empty for an empty body.</summary>
    internal static string Detail(byte[] body)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return ": " + message.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: show the text itself.
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? string.Empty : ": " + text + (body.Length > 300 ? " …" : string.Empty);
    }
}
