using System.CommandLine;
using Billing.Cli.Demo;
using Billing.Cli.Hosting;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing demo [--accounts N] [--months M] [--seed S] [--start DATE]</c>: a fictitious seller and N
/// generated accounts billed day by day for M months into the data folder, with the bank's statement files of
/// those months ingested (payments applied, parked, returned) and the dunning ladder at work. Same options, same data; running
/// it again over the same folder is a safe replay that creates nothing new.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accounts = IntOption.Create("--accounts", "How many customer accounts to generate", 50, min: 1, max: 1_000_000);
        var months = IntOption.Create("--months", "How many months of daily billing runs to simulate", 3, min: 1, max: 120);
        var seed = IntOption.Create("--seed", "Seed of the generator: the same seed gives the same accounts", 42);
        var billOnly = new Option<bool>("--bill-only") { Description = "Only bill: no bank files, ingestion or dunning", Hidden = true };
        var start = DateOption.Create("--start", "The first simulated day", () => new DateOnly(2026, 1, 1));
        var command = new Command("demo", "Bill a fictitious company's customers day by day into the data folder") { accounts, months, seed, start, billOnly };
        command.SetAction(async (parse, cancellationToken) =>
        {
            context.RequireLocal(parse, "demo");
            DataFolder.Open(parse.GetRequiredValue(context.Globals.Data), DataFolderAccess.Create);
            var options = new DemoOptions(parse.GetValue(accounts), parse.GetValue(months), parse.GetValue(seed), parse.GetValue(start)) { BillOnly = parse.GetValue(billOnly) };
            var report = await new DemoRunner(context.Console).RunAsync(context.Globals.HostOptions(parse, DataFolderAccess.Create), options, cancellationToken);
            report.Print(context.Console);
            return ExitCodes.Success;
        });
        return command;
    }
}
