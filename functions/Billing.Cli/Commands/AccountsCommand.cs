using System.CommandLine;
using Billing.Cli.Hosting;
using Billing.Core.Accounts;
using Billing.Core.Dunning;
using Billing.Core.Issuing;
using Billing.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing accounts import FILE</c>: plans, accounts, subscriptions and one-off charges from a JSON file in
/// the <see cref="AccountImportFile"/> format. The whole file is held to <see cref="AccountImportRules"/> first; a bad file
/// changes nothing (not even the data folder it would have created).
/// <c>billing accounts pause ID [--until DATE]</c> and <c>billing accounts resume ID</c>: hold dunning off an account.
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

            var name = Path.GetFileName(path);
            AccountImportFile parsed;
            await using (var stream = File.OpenRead(path))
            {
                parsed = AccountImporter.Parse(stream, name);
            }

            var folder = Path.GetFullPath(parse.GetRequiredValue(context.Globals.Data));
            var created = parse.GetValue(context.Globals.Backend) == BillingBackend.Local && !Directory.Exists(folder);
            int plans, accounts, subscriptions, charges;
            try
            {
                await using var services = context.BuildServices(parse, access: DataFolderAccess.Create);
                (plans, accounts, subscriptions, charges) = await services.GetRequiredService<AccountImporter>().ImportAsync(parsed, cancellationToken);
            }
            catch (AccountImportException e)
            {
                // Nothing was imported: a folder this command created for the import goes again.
                if (created)
                {
                    Directory.Delete(folder, recursive: true);
                }

                throw new AccountImportException($"{name}: {e.Message}", e);
            }

            context.Console.WriteLine($"Imported {plans} plans, {accounts} accounts, {subscriptions} subscriptions, {charges} one-off charges from {path}");
            return ExitCodes.Success;
        });
        return new Command("accounts", "Manage customer accounts") { import, Pause(context), Resume(context) };
    }

    private static Command Pause(CliContext context)
    {
        var id = IdArgument();
        var until = DateOption.CreateOptional("--until", "The last day of the pause (inclusive); without it, until 'billing accounts resume'");
        var command = new Command("pause", "Pause dunning of an account: none of its invoices gets a notice meanwhile") { id, until };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var accountId = parse.GetRequiredValue(id);
            var last = parse.GetValue(until);
            await using var services = context.BuildServices(parse);
            try
            {
                await services.GetRequiredService<DunningHolds>().PauseAccountAsync(accountId, last, cancellationToken);
            }
            catch (AccountNotFoundException e)
            {
                throw UnknownAccount(accountId, e);
            }

            context.Console.WriteLine(last is { } day
                ? $"Dunning of account {accountId} is paused through {day:yyyy-MM-dd}."
                : $"Dunning of account {accountId} is paused until 'billing accounts resume {accountId}'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Resume(CliContext context)
    {
        var id = IdArgument();
        var command = new Command("resume", "Resume dunning of a paused account") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var accountId = parse.GetRequiredValue(id);
            await using var services = context.BuildServices(parse);
            if (await services.GetRequiredService<IDocumentStore>().ReadAsync<Account>(accountId, accountId, cancellationToken) is null)
            {
                throw UnknownAccount(accountId);
            }

            var wasPaused = await services.GetRequiredService<DunningHolds>().ResumeAccountAsync(accountId, cancellationToken);
            context.Console.WriteLine(wasPaused ? $"Dunning of account {accountId} resumed." : $"Account {accountId} was not paused; nothing changed.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> IdArgument() => new("ID") { Description = "The account id (as in the import file)" };

    private static CliUsageException UnknownAccount(string accountId, Exception? inner = null) => new($"no account has the id '{accountId}'", inner);
}
