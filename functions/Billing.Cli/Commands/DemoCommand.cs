using System.CommandLine;
using Billing.Cli.Demo;

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
        var accounts = new Option<int>("--accounts") { Description = "How many customer accounts to generate", DefaultValueFactory = _ => 50 };
        var months = new Option<int>("--months") { Description = "How many months of daily billing runs to simulate", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same accounts", DefaultValueFactory = _ => 42 };
        var billOnly = new Option<bool>("--bill-only") { Description = "Only bill: no bank files, ingestion or dunning", Hidden = true };
        var start = DateOption.Create("--start", "The first simulated day", () => new DateOnly(2026, 1, 1));
        accounts.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000) { r.AddError("--accounts must be between 1 and 1000000"); } });
        months.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 120) { r.AddError("--months must be between 1 and 120"); } });
        var command = new Command("demo", "Bill a fictitious company's customers day by day into the data folder") { accounts, months, seed, start, billOnly };
        command.SetAction(async (parse, cancellationToken) =>
        {
            context.RequireLocal(parse, "demo");
            var options = new DemoOptions(parse.GetValue(accounts), parse.GetValue(months), parse.GetValue(seed), parse.GetValue(start)) { BillOnly = parse.GetValue(billOnly) };
            var report = await new DemoRunner(context.Console).RunAsync(context.Globals.HostOptions(parse), options, cancellationToken);
            report.Print(context.Console);
            return ExitCodes.Success;
        });
        return command;
    }
}
