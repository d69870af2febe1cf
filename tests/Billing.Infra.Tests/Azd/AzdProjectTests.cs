using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Billing.Infra.Tests.Bicep;
using YamlDotNet.RepresentationModel;

namespace Billing.Infra.Tests.Azd;

/// <summary>azure.yaml, main.parameters.json, the hooks and the template agree with one another.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class AzdProjectTests(CompiledTemplate template)
{
    private static readonly YamlMappingNode AzureYaml = LoadAzureYaml();

    [Fact]
    public void AzureYaml_DeclaresTheFunctionsAppAsItsOnlyService()
    {
        var services = (YamlMappingNode)AzureYaml["services"];
        var (name, service) = Assert.Single(services.Children);

        Assert.Equal("functions", ((YamlScalarNode)name).Value);
        var properties = (YamlMappingNode)service;
        Assert.Equal("./functions/Billing.Functions", properties["project"].ToString());
        Assert.Equal("function", properties["host"].ToString());
        Assert.Equal("dotnet", properties["language"].ToString());
    }

    [Fact]
    public void FunctionApp_IsTaggedWithTheAzureYamlServiceName()
    {
        var serviceName = ((YamlScalarNode)Assert.Single(((YamlMappingNode)AzureYaml["services"]).Children).Key).Value;
        var tags = template.FunctionApp.Value("tags").Json!;

        Assert.Equal(serviceName, tags["azd-service-name"]!.GetValue<string>());
        Assert.Equal("ci", tags["azd-env-name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("postprovision")]
    [InlineData("postdeploy")]
    public void AzureYamlHook_RunsAnExistingScriptOnEveryPlatform(string hook)
    {
        var platforms = (YamlMappingNode)((YamlMappingNode)AzureYaml["hooks"])[hook];

        foreach (var platform in new[] { "posix", "windows" })
        {
            var run = ((YamlMappingNode)platforms[platform])["run"].ToString();
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, run)), $"{hook}/{platform} runs {run}, which does not exist.");
        }
    }

    [Fact]
    public void MainParameters_MapAzdsEnvironmentToDeclaredParameters()
    {
        var parameters = MainParameters();
        var declared = template.Root["parameters"]!.AsObject();

        Assert.Equal("${AZURE_ENV_NAME}", parameters["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", parameters["location"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", parameters["principalId"]!["value"]!.GetValue<string>());
        Assert.All(parameters, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets undeclared {p.Key}."));
        Assert.Equal(CompiledTemplate.SampleSeller.Select(p => p.Key).Order(), parameters["seller"]!["value"]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void MainBicep_TargetsTheSubscriptionAndCreatesTheResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", template.Root["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        var group = template.Single("Microsoft.Resources/resourceGroups");
        Assert.Equal("rg-ci", group.Value("name").Text);
    }

    [Fact]
    public void Parameters_OfMainAndEveryModule_AreDescribedAsRequiredOrOptional()
    {
        var templates = new[] { template.Root }
            .Concat(template.OfType("Microsoft.Resources/deployments").Select(d => d.Node["properties"]!["template"]!.AsObject()));

        var undescribed = templates
            .SelectMany(t => t["parameters"]?.AsObject() ?? [])
            .Where(p => !RequiredOrOptional().IsMatch(p.Value!["metadata"]?["description"]?.GetValue<string>() ?? string.Empty))
            .Select(p => p.Key)
            .Distinct();
        Assert.Empty(undescribed);
    }

    [Fact]
    public void Outputs_AreUpperSnakeCaseAndDescribed()
    {
        var outputs = template.Root["outputs"]!.AsObject();

        Assert.All(outputs, o =>
        {
            Assert.Matches(UpperSnake(), o.Key);
            Assert.False(string.IsNullOrWhiteSpace(o.Value!["metadata"]?["description"]?.GetValue<string>()), o.Key);
        });
    }

    [Fact]
    public void PostProvisionHooks_ReadOnlyValuesThatProvisioningProvides()
    {
        // Every azd environment value the hooks read is an output of main.bicep or an azd/parameter variable.
        var provided = template.Root["outputs"]!.AsObject().Select(o => o.Key)
            .Concat(EnvReference().Matches(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json"))).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var hooks = Directory.EnumerateFiles(Path.Combine(RepoPaths.Infra, "hooks"));

        var unknown = hooks
            .SelectMany(path => HookValue().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value))
            .Where(name => !provided.Contains(name))
            .Distinct();
        Assert.Empty(unknown);
    }

    [Fact]
    public void PostProvisionHooks_WriteIdentityBasedLocalSettings()
    {
        foreach (var script in new[] { "postprovision.sh", "postprovision.ps1" })
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Infra, "hooks", script));

            Assert.Contains("functions/Billing.Functions/local.settings.json", text, StringComparison.Ordinal);
            Assert.Contains("AzureWebJobsStorage__accountName", text, StringComparison.Ordinal);
            Assert.Contains("COSMOS__accountEndpoint", text, StringComparison.Ordinal);
            Assert.Contains("SERVICEBUS__fullyQualifiedNamespace", text, StringComparison.Ordinal);
            Assert.DoesNotContain("AccountKey", text, StringComparison.Ordinal);
            Assert.DoesNotContain("keyvault secret show", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PostDeployHooks_SubscribeBothBlobTriggersWithSubjectFilters()
    {
        foreach (var script in new[] { "postdeploy.sh", "postdeploy.ps1" })
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Infra, "hooks", script));

            Assert.Contains("az functionapp keys list", text, StringComparison.Ordinal);
            Assert.Contains("systemKeys.blobs_extension", text, StringComparison.Ordinal);
            Assert.Contains("az eventgrid system-topic event-subscription create", text, StringComparison.Ordinal);
            Assert.Contains("--subject-begins-with", text, StringComparison.Ordinal);
            Assert.Contains("Microsoft.Storage.BlobCreated", text, StringComparison.Ordinal);
            Assert.Contains("IngestBankFile", text, StringComparison.Ordinal);
            Assert.Contains("ApplySuspenseDecisions", text, StringComparison.Ordinal);
            Assert.Contains("incoming/", text, StringComparison.Ordinal);
            Assert.Contains("decisions/", text, StringComparison.Ordinal);
            Assert.Contains("--deadletter-identity systemassigned", text, StringComparison.Ordinal);
            Assert.Contains("--deadletter-identity-endpoint", text, StringComparison.Ordinal);
            Assert.Contains("/blobServices/default/containers/", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("infra/hooks/postprovision.sh")]
    [InlineData("infra/hooks/postdeploy.sh")]
    [InlineData("scripts/bicep.sh")]
    public void ShellScript_ParsesAndIsExecutable(string script)
    {
        var path = Path.Combine(RepoPaths.Root, script);
        var start = new ProcessStartInfo(script.EndsWith("bicep.sh", StringComparison.Ordinal) ? "bash" : "sh", ["-n", path])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, errors);
        if (!OperatingSystem.IsWindows())
        {
            Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(path) & UnixFileMode.UserExecute);
        }
    }

    private static JsonObject MainParameters() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

    private static YamlMappingNode LoadAzureYaml()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "azure.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^(Required|Optional)\. \S")]
    private static partial Regex RequiredOrOptional();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)(=[^}]*)?\}")]
    private static partial Regex EnvReference();

    // $NAME, ${NAME...} in sh; Get-Value 'NAME' / $values['NAME'] / 'NAME' in PowerShell lists.
    [GeneratedRegex(@"(?:\$\{?|Get-Value '|values\[')((?:AZURE|COSMOS|SERVICEBUS|SENDGRID|SELLER|BILL|BILLING|DUNNING|REPORTS|BANK|INVOICES|SEND|APPLICATIONINSIGHTS)_[A-Z0-9_]*)")]
    private static partial Regex HookValue();
}
