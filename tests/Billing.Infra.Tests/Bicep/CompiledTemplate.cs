using System.Text.Json.Nodes;
using Billing.Infra.Tests.Arm;

namespace Billing.Infra.Tests.Bicep;

/// <summary>
/// infra/main.bicep compiled once for all tests (a collection fixture), evaluated with the
/// parameters an operator would pass: every optional principal present, so conditional role
/// assignments are part of what the tests see.
/// </summary>
public sealed class CompiledTemplate
{
    public const string DeveloperPrincipalId = "11111111-1111-1111-1111-111111111111";
    public const string ManagersGroupId = "22222222-2222-2222-2222-222222222222";
    public const string FinanceGroupId = "33333333-3333-3333-3333-333333333333";

    public static readonly JsonObject SampleSeller = new()
    {
        ["LegalName"] = "Contoso Billing GmbH",
        ["VatId"] = "DE123456789",
        ["Street"] = "Hauptstrasse 1",
        ["City"] = "Berlin",
        ["PostalCode"] = "10115",
        ["CountryCode"] = "DE",
        ["Email"] = "billing@contoso.example",
        ["Iban"] = "DE89370400440532013000",
        ["Bic"] = "COBADEFFXXX",
        ["DomesticVatRate"] = "19",
        ["InvoiceSeriesPrefix"] = "INV",
    };

    public CompiledTemplate()
    {
        Build = BicepCli.Build();
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({Build.ExitCode}):\n{Build.StandardError}");
        }

        Text = Build.StandardOutput;
        Root = JsonNode.Parse(Text)!.AsObject();
        var parameters = new Dictionary<string, JsonNode?>
        {
            ["environmentName"] = "ci",
            ["location"] = "westeurope",
            ["principalId"] = DeveloperPrincipalId,
            ["managersGroupObjectId"] = ManagersGroupId,
            ["financeGroupObjectId"] = FinanceGroupId,
            ["seller"] = SampleSeller.DeepClone(),
        };
        RootScope = ArmScope.Root(Root, parameters);
        Resources = ArmResource.All(RootScope).ToList();
    }

    public BicepRun Build { get; }

    /// <summary>The compiled ARM JSON as text.</summary>
    public string Text { get; }

    public JsonObject Root { get; }

    public ArmScope RootScope { get; }

    /// <summary>Every resource, nested deployments included, copy loops expanded.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type) => Assert.Single(OfType(type));

    public ArmResource FunctionApp => Single("Microsoft.Web/sites");

    /// <summary>The function app's settings (siteConfig.appSettings), name to evaluated value.</summary>
    public IReadOnlyDictionary<string, ArmValue> AppSettings => FunctionApp["properties.siteConfig.appSettings"]!
        .AsArray()
        .ToDictionary(s => s!["name"]!.GetValue<string>(), s => FunctionApp.Scope.Evaluate(s!["value"]), StringComparer.Ordinal);
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Compiled main.bicep";
}
