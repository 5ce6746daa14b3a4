using OrleansTilsyn.Silo.Audit;

namespace OrleansTilsyn.Silo.Tests.Audit;

public sealed class AzureTableAuditKeysTests
{
    [Fact]
    public void EveryCharacterRoundTripsAndNoneThatAzureForbidsIsLeftInTheKey()
    {
        var grain = new string(Enumerable.Range(1, 0x24F).Select(c => (char)c).ToArray()) + "🌻";

        var key = AzureTableAuditKeys.PartitionKey(grain);

        Assert.Equal(grain, AzureTableAuditKeys.Grain(key));
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || c is <= '\u001F' or (>= '\u007F' and <= '\u009F'));
    }

    [Fact]
    public void AGrainWithoutEscapedCharactersIsItsOwnKey() =>
        Assert.Equal("unit:dt-aadalen æøå", AzureTableAuditKeys.PartitionKey("unit:dt-aadalen æøå"));

    [Theory]
    [InlineData("unit~")]
    [InlineData("unit~2")]
    [InlineData("unit~ZZ")]
    public void ABrokenEscapeIsReportedNotGuessed(string key) =>
        Assert.Throws<FormatException>(() => AzureTableAuditKeys.Grain(key));

    [Fact]
    public void RowKeysSortAsTheirVersions()
    {
        long[] versions = [1, 9, 10, 99, 100, 123_456_789, long.MaxValue];

        var keys = versions.Select(AzureTableAuditKeys.RowKey).ToArray();

        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.All(keys, k => Assert.Equal(19, k.Length));
        Assert.Equal(versions, keys.Select(AzureTableAuditKeys.Version));
    }
}
