using System.CommandLine;
using System.Globalization;
using Billing.Core.Accounts;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing credit show ACCOUNT</c> and <c>billing credit refund ACCOUNT AMOUNT [--reference REF] [--at DATE]</c>: an
/// account's credit balance (overpayments, credit notes kept as credit) and paying it back once finance sent the money.
/// A refund is recorded once per reference (default: the date and amount), so running the same command twice refunds once.
/// </summary>
public static class CreditCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("credit", "Look at an account's credit balance and record refunds of it") { Show(context), Refund(context) };
    }

    private static Command Show(CliContext context)
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The account id" };
        var command = new Command("show", "Show the credit balance and its movements") { account };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetRequiredValue(account);
            await using var services = context.BuildServices(parse);
            var credit = await services.GetRequiredService<IDocumentStore>().ReadAsync<AccountCredit>(id, AccountCredit.DocumentId, cancellationToken);
            if (credit is null)
            {
                context.Console.WriteLine($"Account {id} has no credit balance.");
                return ExitCodes.Success;
            }

            context.Console.WriteLine($"Account {id}: credit balance {credit.Value.Balance.ToDecimalString()} {credit.Value.Balance.Currency.Code}");
            foreach (var m in credit.Value.History)
            {
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {m.Date:yyyy-MM-dd}  {m.Amount.ToDecimalString(),12}  {m.Reason}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Refund(CliContext context)
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The account id" };
        var amount = new Argument<decimal>("AMOUNT") { Description = "The amount refunded, in the balance's currency (e.g. 61.42)" };
        var reference = new Option<string?>("--reference") { Description = "The refund transfer's reference (default: the date and amount); the same reference is recorded once" };
        var at = DateOption.Create("--at", "The date of the refund (default: today, UTC)", () => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var command = new Command("refund", "Record that (part of) an account's credit balance was paid back to the customer") { account, amount, reference, at };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetRequiredValue(account);
            var date = parse.GetValue(at);
            await using var services = context.BuildServices(parse);
            var store = services.GetRequiredService<IDocumentStore>();
            var owner = await store.ReadAsync<Account>(id, id, cancellationToken) ?? throw new CliUsageException($"no account '{id}'");
            var money = new Money(parse.GetValue(amount), owner.Value.Currency);
            if (money.Round() != money || !money.IsPositive)
            {
                throw new CliUsageException($"AMOUNT: expected a positive amount with at most {owner.Value.Currency.MinorUnits} decimals in {owner.Value.Currency.Code}, found {parse.GetValue(amount).ToString(CultureInfo.InvariantCulture)}");
            }

            var refRef = parse.GetValue(reference) ?? string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}-{money.ToDecimalString()}");
            try
            {
                var result = await services.GetRequiredService<CreditRefunds>().RefundAsync(id, money, refRef, date, cancellationToken);
                context.Console.WriteLine(result.AlreadyRefunded
                    ? $"Refund {refRef} was recorded before; nothing changed. Credit balance of {id}: {result.Balance.ToDecimalString()} {result.Balance.Currency.Code}."
                    : $"Refunded {money.ToDecimalString()} {money.Currency.Code} to {id} ({refRef}). Credit balance now {result.Balance.ToDecimalString()} {result.Balance.Currency.Code}.");
                return ExitCodes.Success;
            }
            catch (CreditRefundException ex)
            {
                throw new CliUsageException(ex.Message, ex);
            }
        });
        return command;
    }
}
