namespace Billing.Azure.Tests.Emulators;

/// <summary>A fact that needs the emulators: skipped (visibly) only when <see cref="AzureEmulators.SkipRequested"/>.</summary>
public sealed class EmulatorFactAttribute : FactAttribute
{
    public EmulatorFactAttribute()
    {
        if (AzureEmulators.SkipRequested)
        {
            Skip = AzureEmulators.SkipReason;
        }
    }
}
