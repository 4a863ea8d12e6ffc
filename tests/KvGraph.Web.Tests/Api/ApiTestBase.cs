using System.Net.Http.Json;
using System.Text.Json;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>API tests share the seed store and one in-memory app.</summary>
[Collection(SeedCollection.Name)]
public abstract class ApiTestBase : IDisposable
{
    protected ApiTestBase(SeedCorpus corpus)
    {
        Corpus = corpus;
        Factory = new ExplorerFactory(corpus);
        Client = Factory.CreateClient();
    }

    protected SeedCorpus Corpus { get; }

    protected ExplorerFactory Factory { get; }

    protected HttpClient Client { get; }

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
        Client.Dispose();
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

internal static class JsonExtensions
{
    public static IEnumerable<JsonElement> Items(this JsonElement e, string property) => e.GetProperty(property).EnumerateArray();

    public static string? Str(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
