using KvGraph.Web.Hosting;

// Running the web project on its own (dotnet run): the store comes from --store / Store in configuration.
var app = ExplorerHost.Build(args, StoreSourceFactory.FromConfiguration);
await app.RunAsync().ConfigureAwait(false);
