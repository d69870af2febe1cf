using System.CommandLine;
using System.Text.Json;
using Billing.Core.Invoicing;
using Billing.Core.Serialization;
using Billing.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Billing.Cli.Commands;

/// <summary><c>billing invoices list [--status S] [--json]</c>: every invoice, ordered by issue date and number.</summary>
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
            await using var services = context.BuildServices(parse);
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
        return new Command("invoices", "Look at issued invoices") { list };
    }

    private static void PrintTable(CliContext context, List<InvoiceListItem> items)
    {
        context.Console.WriteTable(
            ["Number", "Account", "Customer", "Issued", "Due", "Status", "Total", "Amount due"],
            items.Select(i => (IReadOnlyList<string>)[i.Number ?? "(draft)", i.AccountId, i.CustomerName, i.IssueDate, i.DueDate, i.Status, $"{i.Total} {i.Currency}", $"{i.AmountDue} {i.Currency}"]));
        context.Console.WriteLine($"{items.Count} invoices");
    }
}
