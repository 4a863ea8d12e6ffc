using System.Net.Http.Json;
using System.Text.Json;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>API tests share the seed store and one in-memory app.</summary>
[Collection(SeedCollection.Name)]
public abstract class ApiTestBase(SeedCorpus corpus) : ExplorerClient(() => new ExplorerFactory(corpus))
{
    protected SeedCorpus Corpus { get; } = corpus;
}

/// <summary>
/// An in-memory explorer app and a client for it, with the JSON and problem readers every API test uses; the app starts
/// on first use, so a test that skips (no corpus) never opens a store.
/// </summary>
public abstract class ExplorerClient : IDisposable
{
    private readonly Lazy<ExplorerFactory> factory;
    private readonly Lazy<HttpClient> client;

    protected ExplorerClient(Func<ExplorerFactory> create)
    {
        factory = new Lazy<ExplorerFactory>(create);
        client = new Lazy<HttpClient>(() => factory.Value.CreateClient());
    }

    protected ExplorerFactory Factory => factory.Value;

    protected HttpClient Client => client.Value;

    protected async Task<JsonElement> GetJson(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    protected async Task<(int Status, JsonElement Problem, string? MediaType)> GetProblem(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    protected static string Enc(string s) => Uri.EscapeDataString(s);

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }

        if (factory.IsValueCreated)
        {
            factory.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

internal static class JsonExtensions
{
    public static IEnumerable<JsonElement> Items(this JsonElement e, string property) => e.GetProperty(property).EnumerateArray();

    public static string? Str(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
