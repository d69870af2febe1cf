using Xunit.Abstractions;
using Xunit.Sdk;

namespace Billing.Testing.Contracts;

/// <summary>Marks a concrete contract test class whose implementation runs against the emulators (Azurite, the Cosmos DB stand-in).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEmulatorsAttribute : Attribute
{
    /// <summary>
    /// Only <c>BILLING_SKIP_EMULATORS=1</c> outside CI skips emulator tests; in CI (<c>CI=true</c>) they always run and an
    /// emulator that does not answer fails them.
    /// </summary>
    public static bool SkipRequested =>
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && Environment.GetEnvironmentVariable("BILLING_SKIP_EMULATORS") == "1";

    public const string SkipReason = "BILLING_SKIP_EMULATORS=1: Azurite and the Cosmos DB stand-in are not used in this run.";
}

/// <summary>
/// A fact of an abstract contract: it runs for every concrete class, and is skipped (visibly) for classes marked
/// <see cref="RequiresEmulatorsAttribute"/> when <see cref="RequiresEmulatorsAttribute.SkipRequested"/>.
/// </summary>
[XunitTestCaseDiscoverer("Billing.Testing.Contracts.ContractFactDiscoverer", "Billing.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        if (RequiresEmulatorsAttribute.SkipRequested && testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEmulatorsAttribute)).Any())
        {
            return new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, RequiresEmulatorsAttribute.SkipReason);
        }

        return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
