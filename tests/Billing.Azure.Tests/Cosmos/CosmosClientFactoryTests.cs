using Billing.Azure.Configuration;
using Microsoft.Azure.Cosmos;

namespace Billing.Azure.Tests.Cosmos;

public sealed class CosmosClientFactoryTests
{
    [Fact]
    public void Options_ForALoopbackEndpoint_UseGatewayLimitToEndpointAndTheOptInCertificateAcceptance()
    {
        var options = CosmosClientFactory.Options(new Uri("https://127.0.0.1:8081/"), allowInsecureEmulatorCertificate: true);

        Assert.Equal(ConnectionMode.Gateway, options.ConnectionMode);
        Assert.True(options.LimitToEndpoint);
        Assert.NotNull(options.HttpClientFactory);
    }

    [Theory]
    [InlineData("https://billing-prod.documents.azure.com:443/")]
    [InlineData("https://127.0.0.1.nip.io:8081/")]
    public void Options_ForARemoteEndpoint_NeverRelaxTheCertificateCheck(string endpoint)
    {
        var options = CosmosClientFactory.Options(new Uri(endpoint), allowInsecureEmulatorCertificate: true);

        Assert.Null(options.HttpClientFactory);
        Assert.False(options.LimitToEndpoint);
    }

    [Fact]
    public void Options_RetryThrottledRequests()
    {
        var options = CosmosClientFactory.Options(new Uri("https://billing-prod.documents.azure.com:443/"), false);

        Assert.True(options.MaxRetryAttemptsOnRateLimitedRequests >= 5);
        Assert.True(options.MaxRetryWaitTimeOnRateLimitedRequests >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ContainerSetup_IndexesOnlyTheQueriedPaths()
    {
        var properties = Billing.Azure.Cosmos.CosmosContainerSetup.PropertiesOf("billing");

        Assert.Equal("/accountId", properties.PartitionKeyPath);
        Assert.Equal("/*", Assert.Single(properties.IndexingPolicy.ExcludedPaths).Path);
        Assert.Contains(properties.IndexingPolicy.IncludedPaths, p => p.Path == "/type/?");
        Assert.Contains(properties.IndexingPolicy.IncludedPaths, p => p.Path == "/nextChargeDate/?");
    }
}
