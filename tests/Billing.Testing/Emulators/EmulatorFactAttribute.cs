namespace Billing.Testing.Emulators;

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
