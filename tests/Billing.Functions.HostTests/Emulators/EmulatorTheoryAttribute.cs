namespace Billing.Azure.Tests.Emulators;

/// <summary>A theory that needs the emulators: skipped (visibly) only when <see cref="AzureEmulators.SkipRequested"/>, never in CI.</summary>
public sealed class EmulatorTheoryAttribute : TheoryAttribute
{
    public EmulatorTheoryAttribute()
    {
        if (AzureEmulators.SkipRequested)
        {
            Skip = AzureEmulators.SkipReason;
        }
    }
}
