using Microsoft.Extensions.Configuration;
using OrleansTilsyn.Silo.Hosting;

namespace OrleansTilsyn.Silo.Tests.OrleansHosting;

public sealed class TilsynStorageOptionsTests
{
    [Fact]
    public void BindsTheStorageSectionAndAcceptsAnAzureConfiguration()
    {
        var options = Bind(new()
        {
            ["Storage:Engine"] = "azure",
            ["Storage:AzureConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:TablePrefix"] = "Kommune1",
        });

        Assert.Equal((TilsynStorageOptions.Azure, "Kommune1"), (options.Engine, options.TablePrefix));
        Assert.Empty(options.Validate());
        Assert.Equal("Kommune1Reminders", new TilsynTableNames(options.TablePrefix).Reminders);
    }

    [Fact]
    public void TheDefaultIsTheEmbeddedStoreInTheDataFolder()
    {
        var options = Bind([]);

        Assert.Equal((TilsynStorageOptions.Sqlite, "data"), (options.Engine, options.DataDirectory));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void NamesEveryMistakeAtOnce()
    {
        var errors = Bind(new() { ["Storage:Engine"] = "postgres" }).Validate()
            .Concat(Bind(new() { ["Storage:Engine"] = "azure", ["Storage:TablePrefix"] = "1-bad" }).Validate())
            .ToList();

        Assert.Collection(errors,
            e => Assert.Contains("must be sqlite or azure, not 'postgres'", e),
            e => Assert.Contains("Storage:AzureConnectionString is required", e),
            e => Assert.Contains("Storage:TablePrefix", e));
    }

    [Theory]
    [InlineData("")]
    [InlineData("9lives")]
    [InlineData("with-dash")]
    [InlineData("Abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd")]
    public void RefusesPrefixesThatCannotNameAnAzureTable(string prefix) =>
        Assert.Throws<ArgumentException>(() => new TilsynTableNames(prefix));

    private static TilsynStorageOptions Bind(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build()
            .GetSection(TilsynStorageOptions.SectionName).Get<TilsynStorageOptions>() ?? new();
}
