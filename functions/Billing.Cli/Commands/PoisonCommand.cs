using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Billing.Azure.Storage;
using Billing.Cli.Hosting;
using Billing.Core.Messaging;
using Billing.Core.Serialization;
using Billing.Local.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing poison list [--queue NAME] [--json]</c> and <c>billing poison replay QUEUE</c>: the messages that failed
/// every attempt, and moving them back to their queue once the cause is fixed. On the embedded default they are in
/// the poison table of <c>billing.db</c> (the next <c>billing run</c> handles replayed ones); with <c>--backend azure</c>
/// in the <c>&lt;queue&gt;-poison</c> Storage queues (the Functions app handles replayed ones). Only the pipeline's
/// queues (<c>bill-account</c>, <c>send-invoice</c>, <c>dunning-notice</c>, or their configured names) are accepted.
/// </summary>
public static class PoisonCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("poison", "Look at messages that failed every attempt, and replay them") { List(context), Replay(context) };
    }

    private static Command List(CliContext context)
    {
        var queue = new Option<string?>("--queue") { Description = "Only this queue (default: every queue)" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var command = new Command("list", "List poisoned messages with their error (Azure: up to 32 per queue)") { queue, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.BuildServices(parse, access: DataFolderAccess.Read);
            var only = parse.GetValue(queue) is { } wanted ? KnownQueue(services, wanted) : null;
            var queues = only is null ? QueuesOf(services) : [only];
            var items = new List<PoisonListItem>();
            if (parse.GetValue(context.Globals.Backend) == BillingBackend.Local)
            {
                var local = services.GetRequiredService<InProcessWorkQueue>();
                items.AddRange((only is null ? local.AllPoison() : local.PoisonOf(only)).Select(PoisonListItem.From));
            }
            else
            {
                var inspector = services.GetRequiredService<PoisonQueueInspector>();
                foreach (var name in queues)
                {
                    items.AddRange((await inspector.ListAsync(name, PoisonQueueInspector.MaxPeek, cancellationToken)).Select(m => PoisonListItem.From(name, m)));
                }
            }

            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(items, BillingJson.Indented));
                return ExitCodes.Success;
            }

            context.Console.WriteTable(
                ["Queue", "Id", "Attempts", "Poisoned at", "Error", "Message"],
                items.Select(i => (IReadOnlyList<string>)
                [
                    i.Queue, i.Id, i.DequeueCount.ToString(CultureInfo.InvariantCulture),
                    i.PoisonedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-", Shorten(i.Error ?? "-", 80), Shorten(i.Body, 60),
                ]));
            context.Console.WriteLine($"{items.Count} poisoned messages");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Replay(CliContext context)
    {
        var queue = new Argument<string>("QUEUE") { Description = "The queue whose poisoned messages go back (e.g. dunning-notice)" };
        var command = new Command("replay", "Move a queue's poisoned messages back to the queue, to be handled again") { queue };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.BuildServices(parse);
            var name = KnownQueue(services, parse.GetRequiredValue(queue));
            if (parse.GetValue(context.Globals.Backend) == BillingBackend.Local)
            {
                var moved = services.GetRequiredService<InProcessWorkQueue>().ReplayPoison(name);
                context.Console.WriteLine($"Moved {moved} messages back to queue {name}; the next 'billing run' handles them.");
            }
            else
            {
                var moved = await services.GetRequiredService<PoisonQueueInspector>().ReplayAsync(name, cancellationToken: cancellationToken);
                context.Console.WriteLine($"Moved {moved} messages from {PoisonQueueInspector.PoisonQueueOf(name)} back to {name}; the Functions app handles them.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<string> QueuesOf(IServiceProvider services)
    {
        var queues = services.GetRequiredService<IOptions<QueueOptions>>().Value;
        return [queues.BillAccount, queues.SendInvoice, queues.DunningNotice, queues.ScheduleBillingPage, queues.ScheduleDunningPage];
    }

    private static string KnownQueue(IServiceProvider services, string name)
    {
        var queues = QueuesOf(services);
        return queues.FirstOrDefault(q => string.Equals(q, name.Trim(), StringComparison.Ordinal))
            ?? throw new CliUsageException($"'{name}' is not a queue: expected {string.Join(", ", queues.SkipLast(1))} or {queues[^1]}");
    }

    private static string Shorten(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length - 1), "…");
    }
}
