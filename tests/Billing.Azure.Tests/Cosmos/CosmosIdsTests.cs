using Billing.Azure.Cosmos;

namespace Billing.Azure.Tests.Cosmos;

public sealed class CosmosIdsTests
{
    [Theory]
    [InlineData("inv-acc-1-20260331", "inv-acc-1-20260331")]
    [InlineData("a/b", "a~2Fb")]
    [InlineData("a\\b?c#d", "a~5Cb~3Fc~23d")]
    [InlineData("100%~", "100~25~7E")]
    public void Encode_ReplacesOnlyCharactersCosmosRejects(string id, string encoded)
    {
        Assert.Equal(encoded, CosmosIds.Encode(id));
        Assert.Equal(id, CosmosIds.Decode(encoded));
    }

    [Fact]
    public void Encode_NeverProducesAReservedCharacter()
    {
        var encoded = CosmosIds.Encode("/\\?#%~/x");

        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '?' or '#');
        Assert.Equal("/\\?#%~/x", CosmosIds.Decode(encoded));
    }
}
