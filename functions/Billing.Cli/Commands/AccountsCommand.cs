using System.CommandLine;
using Billing.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing accounts import FILE</c>: plans, accounts, subscriptions and one-off charges from a JSON file in
/// the <see cref="AccountImportFile"/> format. The whole file is checked first; a bad file changes nothing.
/// </summary>
public static class AccountsCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("FILE") { Description = "The JSON file to import (see the README for the format)" };
        var import = new Command("import", "Create or update plans, accounts and subscriptions from a JSON file") { file };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"file '{path}' does not exist");
            }

            AccountImportFile parsed;
            await using (var stream = File.OpenRead(path))
            {
                parsed = AccountImporter.Parse(stream, Path.GetFileName(path));
            }

            await using var services = context.BuildServices(parse);
            var (plans, accounts, subscriptions, charges) = await services.GetRequiredService<AccountImporter>().ImportAsync(parsed, cancellationToken);
            context.Console.WriteLine($"Imported {plans} plans, {accounts} accounts, {subscriptions} subscriptions, {charges} one-off charges from {path}");
            return ExitCodes.Success;
        });
        return new Command("accounts", "Manage customer accounts") { import };
    }
}
