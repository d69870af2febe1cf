namespace Billing.Infra.Tests.Bicep;

[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepCliTests(CompiledTemplate template)
{
    [Fact]
    public void Locate_AfterRestore_FindsAnExecutableBinary()
    {
        var binary = BicepCli.Locate();

        Assert.True(File.Exists(binary), binary);
        if (!OperatingSystem.IsWindows())
        {
            Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(binary) & UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Build_MainBicep_SucceedsWithoutWarningsOrErrors()
    {
        Assert.Equal(0, template.Build.ExitCode);
        Assert.Empty(template.Build.Diagnostics);
        Assert.Equal(string.Empty, template.Build.StandardError.Trim());
        Assert.StartsWith("{", template.Text.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MainBicepAndItsModules_ReportsNoWarningsOrErrors()
    {
        var lint = BicepCli.Lint();

        Assert.True(lint.ExitCode == 0, lint.StandardError);
        Assert.Empty(lint.Diagnostics);
        Assert.Equal(string.Empty, lint.StandardError.Trim());
    }

    [Fact]
    public void Diagnostics_OfAWarningLine_AreRecognised()
    {
        // Guards the two tests above: a warning in Bicep's format must be caught, not pass silently.
        var run = new BicepRun(0, "", "/r/infra/main.bicep(3,7) : Warning no-unused-params: Parameter \"x\" is declared but never used. [https://aka.ms/x]\n");

        Assert.Single(run.Diagnostics);
    }
}
