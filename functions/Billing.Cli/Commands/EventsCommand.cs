using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Billing.Core.Events;
using Billing.Core.Serialization;
using Billing.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing events status [--json]</c>: what waits in the events outbox (how many, of which type, since when, the oldest
/// ones). <c>billing events relay [--json]</c>: relays what waits now, ignoring the relay's back-off: to <c>events.jsonl</c>
/// on the embedded default, to the Service Bus topic with <c>--backend azure</c>; exit 1 when sending failed (the events
/// keep waiting, nothing is lost).
/// </summary>
public static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("events", "Integration events waiting in the outbox: see them, relay them") { Status(context), Relay(context) };
    }

    private static Command Status(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print waiting, oldestRecordedAt, byType and the oldest events as JSON" };
        var command = new Command("status", "Show how many events wait to be relayed, and since when") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.BuildServices(parse);
            var status = await OutboxStatus.ReadAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken);
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(new
                {
                    status.Waiting,
                    status.OldestRecordedAt,
                    ByType = status.WaitingByType,
                    Oldest = status.Oldest.Select(e => new { e.Event.Id, e.Event.Type, e.Event.AccountId, e.Event.OccurredAt, e.RecordedAt }),
                }, BillingJson.Indented));
                return ExitCodes.Success;
            }

            if (status.Waiting == 0)
            {
                context.Console.WriteLine("No events wait in the outbox: every recorded event was relayed.");
                return ExitCodes.Success;
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{status.Waiting} events wait in the outbox, the oldest since {status.OldestRecordedAt:yyyy-MM-dd HH:mm:ss}Z ({Age(now - status.OldestRecordedAt!.Value)} ago)"));
            foreach (var (type, count) in status.WaitingByType)
            {
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type}: {count}"));
            }

            context.Console.WriteTable(
                ["Recorded at", "Type", "Account", "Id"],
                status.Oldest.Select(e => (IReadOnlyList<string>)
                    [e.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.Event.Type, e.Event.AccountId is { Length: > 0 } a ? a : "-", e.Event.Id]),
                $"Oldest waiting events (up to {OutboxStatus.OldestShown})");
            context.Console.WriteLine("Relay them with 'billing events relay' (the RelayEvents timer does it in Azure).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Relay(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print relayed, waiting and failure as JSON" };
        var command = new Command("relay", "Relay the waiting events now (events.jsonl locally, the Service Bus topic with --backend azure)") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.BuildServices(parse);
            var relay = services.GetRequiredService<EventRelay>();
            var result = await relay.RelayAsync(ignoreBackoff: true, cancellationToken);
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(new { result.Relayed, result.Waiting, result.Failure }, BillingJson.Indented));
            }
            else
            {
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Relayed} events relayed, {result.Waiting} waiting"));
            }

            if (result.Failure is { } failure)
            {
                context.Console.Error.WriteLine($"billing: error: relaying failed, the events keep waiting in the outbox: {failure}");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)age.TotalSeconds)} s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min"),
        { TotalDays: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h {age.Minutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} days"),
    };
}
