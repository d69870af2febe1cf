using Xunit.Abstractions;
using Xunit.Sdk;

namespace Billing.Azure.Tests.Emulators;

/// <summary>Marks a concrete contract test class whose implementation runs against the emulators.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEmulatorsAttribute : Attribute;

/// <summary>
/// A fact of an abstract contract: it runs for every concrete class, and is skipped (visibly) for classes marked
/// <see cref="RequiresEmulatorsAttribute"/> when <see cref="AzureEmulators.SkipRequested"/>.
/// </summary>
[XunitTestCaseDiscoverer("Billing.Azure.Tests.Emulators.ContractFactDiscoverer", "Billing.Azure.Tests")]
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
