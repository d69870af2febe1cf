using Billing.Testing.Emulators;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Billing.Testing.Contracts;

/// <summary>Marks a concrete contract test class whose implementation runs against the emulators (Azurite, the Cosmos DB stand-in).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEmulatorsAttribute : Attribute;

/// <summary>
/// A fact of an abstract contract: it runs for every concrete class, and is skipped (visibly) for classes marked
/// <see cref="RequiresEmulatorsAttribute"/> when <see cref="AzureEmulators.SkipRequested"/> (never in CI).
/// </summary>
[XunitTestCaseDiscoverer("Billing.Testing.Contracts.ContractFactDiscoverer", "Billing.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        if (AzureEmulators.SkipRequested && testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEmulatorsAttribute)).Any())
        {
            return new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, AzureEmulators.SkipReason);
        }

        return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
