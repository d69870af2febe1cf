using Billing.Core.Dunning;
using Billing.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Billing.Core.Tests.Dunning;

public sealed class DunningOptionsTests
{
    private static DunningOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(BillingWorld.SellerSettings).AddInMemoryCollection(settings).Build();
        using var world = new BillingWorld(new DateOnly(2026, 3, 1), services => services.AddSingleton<IConfiguration>(configuration));
        return world.Get<IOptions<DunningOptions>>().Value;
    }

    [Fact]
    public void Defaults_DefaultPolicyThreeDaysGroupedAndBankFileRequired()
    {
        var options = Bind([]);

        Assert.Equal([-3, 3, 14, 30, 45], options.PolicyNamed(null)!.Stages.Select(s => s.Day));
        Assert.Equal((3, true, true), (options.MaxBankFileAgeDays, options.GroupPerAccount, options.RequireBankFile));
    }

    [Fact]
    public void Bind_FlatSettingsAndPolicySection()
    {
        var options = Bind(new()
        {
            ["DUNNING_MAX_BANK_FILE_AGE"] = "7",
            ["DUNNING_GROUP_PER_ACCOUNT"] = "false",
            ["DUNNING_REQUIRE_BANK_FILE"] = "false",
            ["Dunning:Policies:strict:SkipWeekends"] = "true",
            ["Dunning:Policies:strict:Stages:0:Day"] = "1",
            ["Dunning:Policies:strict:Stages:0:Template"] = "final-notice",
            ["Dunning:Policies:strict:Stages:0:Action"] = "LateFee",
            ["Dunning:Policies:strict:Stages:0:LateFee:Fixed"] = "40",
            ["Dunning:Policies:strict:Stages:0:LateFee:Billing"] = "SeparateInvoice",
            ["Dunning:Policies:strict:Stages:0:SendGridTemplates:de"] = "d-abc",
        });

        var strict = options.PolicyNamed("strict")!;
        Assert.Equal((7, false, false), (options.MaxBankFileAgeDays, options.GroupPerAccount, options.RequireBankFile));
        Assert.True(strict.SkipWeekends);
        Assert.Equal((40m, LateFeeBilling.SeparateInvoice), (strict.Stages[0].LateFee!.Fixed, strict.Stages[0].LateFee!.Billing));
        Assert.Equal("d-abc", strict.Stages[0].SendGridTemplates["de"]);
        Assert.NotNull(options.PolicyNamed("default"));
    }

    [Fact]
    public void Bind_InvalidPolicy_FailsNamingPolicyAndStage()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Dunning:Policies:broken:Stages:0:Day"] = "5",
            ["Dunning:Policies:broken:Stages:0:Template"] = "nasty-letter",
        }));

        Assert.Contains("Dunning policy 'broken' stage 1 uses the unknown template 'nasty-letter'", error.Message, StringComparison.Ordinal);
    }
}
