using System.CommandLine;
using System.Text.Json;
using Billing.Cli.Hosting;
using Billing.Core.Dunning;
using Billing.Core.Invoicing;
using Billing.Core.Serialization;
using Billing.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing invoices list [--status S] [--json]</c>: every invoice, ordered by issue date and number.
/// <c>billing invoices dispute NUMBER [--reason TEXT]</c> and <c>billing invoices undispute NUMBER</c>: hold dunning
/// off an invoice the customer disputes, and lift the hold once the dispute is resolved.
/// </summary>
public static class InvoicesCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = new Option<string?>("--status")
        {
            Description = "Only invoices in this status: draft, open, paid, void or uncollectible (any case)",
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Enum.TryParse<InvoiceStatus>(token, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(token, out _))
                {
                    return parsed.ToString().ToLowerInvariant();
                }

                result.AddError($"'{token}' is not an invoice status: expected draft, open, paid, void or uncollectible");
                return null;
            },
        };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var list = new Command("list", "List invoices") { status, json };
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.BuildServices(parse, access: DataFolderAccess.Read);
            var containers = services.GetRequiredService<IOptions<BlobContainerOptions>>().Value;
            var wanted = parse.GetValue(status);
            var items = new List<InvoiceListItem>();
            await foreach (var stored in services.GetRequiredService<IDocumentStore>().QueryAllAsync<Invoice>(cancellationToken))
            {
                var item = InvoiceListItem.From(stored.Value, containers);
                if (wanted is null || item.Status == wanted)
                {
                    items.Add(item);
                }
            }

            items = [.. items.OrderBy(i => i.IssueDate, StringComparer.Ordinal).ThenBy(i => i.Number ?? "", StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal)];
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(items, BillingJson.Indented));
            }
            else
            {
                PrintTable(context, items);
            }

            return ExitCodes.Success;
        });
        return new Command("invoices", "Look at issued invoices, hold dunning off disputed ones") { list, Dispute(context), Undispute(context) };
    }

    private static Command Dispute(CliContext context)
    {
        var number = NumberArgument();
        var reason = new Option<string?>("--reason") { Description = "Why the customer disputes it (kept on the invoice)" };
        reason.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string?>())) { r.AddError("--reason must not be empty"); } });
        var command = new Command("dispute", "Mark an invoice disputed: no dunning notice is sent for it until it is undisputed") { number, reason };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetRequiredValue(number);
            var why = parse.GetValue(reason)?.Trim() ?? "Disputed by the customer";
            await using var services = context.BuildServices(parse);
            var invoice = await KnownInvoiceAsync(given, () => services.GetRequiredService<DunningHolds>().DisputeInvoiceAsync(given, why, cancellationToken));
            context.Console.WriteLine($"Invoice {invoice.Number} of account {invoice.AccountId} is disputed ({why}); dunning holds off until 'billing invoices undispute {invoice.Number}'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Undispute(CliContext context)
    {
        var number = NumberArgument();
        var command = new Command("undispute", "Resolve an invoice's dispute: dunning resumes at the stage it has reached") { number };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetRequiredValue(number);
            await using var services = context.BuildServices(parse);
            var invoice = await KnownInvoiceAsync(given, () => services.GetRequiredService<DunningHolds>().ResolveDisputeAsync(given, cancellationToken));
            context.Console.WriteLine($"Invoice {invoice.Number} of account {invoice.AccountId} is no longer disputed; dunning resumes at the stage it has reached.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> NumberArgument() => new("NUMBER") { Description = "The invoice number (e.g. INV-2026-000042)" };

    private static async Task<Invoice> KnownInvoiceAsync(string number, Func<Task<Invoice>> hold)
    {
        try
        {
            return await hold();
        }
        catch (InvoiceNotFoundException e)
        {
            throw new CliUsageException($"no invoice has the number '{number}' (see 'billing invoices list')", e);
        }
    }

    private static void PrintTable(CliContext context, List<InvoiceListItem> items)
    {
        context.Console.WriteTable(
            ["Number", "Account", "Customer", "Issued", "Due", "Status", "Total", "Amount due"],
            items.Select(i => (IReadOnlyList<string>)[i.Number ?? "(draft)", i.AccountId, i.CustomerName, i.IssueDate, i.DueDate, i.Status, $"{i.Total} {i.Currency}", $"{i.AmountDue} {i.Currency}"]));
        context.Console.WriteLine($"{items.Count} invoices");
    }
}
