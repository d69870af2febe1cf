using Microsoft.Playwright;

namespace Billing.Reports.Tests;

/// <summary>
/// One headless Chromium for the browser tests: Debian's <c>/usr/bin/chromium</c> (installed by
/// scripts/install-prerequisites.sh) driven by Playwright's driver, which ships inside the NuGet package; no browser is
/// ever downloaded. Without Chromium the tests are skipped on a developer machine and fail in CI (<c>CI=true</c>).
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Why there is no browser, when there is none.</summary>
    public string? Missing { get; private set; }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Missing = $"{ExecutablePath} is missing: run scripts/install-prerequisites.sh";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
