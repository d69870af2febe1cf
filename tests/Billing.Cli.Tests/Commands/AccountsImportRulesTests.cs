using System.Text.Json.Nodes;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

/// <summary>
/// <c>billing accounts import</c> holds a file to the import rules before anything is written: each broken file (a mutation
/// of the example) exits 2 with one line naming the element, and neither a new nor an existing data folder changes.
/// </summary>
public sealed class AccountsImportRulesTests
{
    private static readonly Dictionary<string, Func<JsonObject, JsonNode?>> s_mutations = new(StringComparer.Ordinal)
    {
        ["payment terms of 100,000,000 days"] = f => Set(Account(f, 0), "paymentTermsDays", 100_000_000),
        ["negative payment terms"] = f => Set(Account(f, 0), "paymentTermsDays", -1),
        ["an oversized price"] = f => Set(Price(f, 0), "amount", "1000000000000.00"),
        ["a negative price"] = f => Set(Price(f, 0), "amount", "-1.00"),
        ["a price finer than the cent"] = f => Set(Price(f, 0), "amount", "49.001"),
        ["amount forty"] = f => Set(Price(f, 0), "amount", "forty"),
        ["amount NaN"] = f => Set(Price(f, 0), "amount", "NaN"),
        ["amount 1e30"] = f => Set(Price(f, 0), "amount", "1e30"),
        ["amount beyond decimal"] = f => Set(Price(f, 0), "amount", "79228162514264337593543950336"),
        ["an unknown currency"] = f => Set(Price(f, 0), "currency", "XYZ"),
        ["start date 0001-01-01"] = f => Set(Subscription(f, 0), "startDate", "0001-01-01"),
        ["start date 1999-12-31"] = f => Set(Subscription(f, 0), "startDate", "1999-12-31"),
        ["start date 2062-03-01"] = f => Set(Subscription(f, 0), "startDate", "2062-03-01"),
        ["a start with 51 back invoices"] = f => Set(Subscription(f, 0), "startDate", "2022-01-15"),
        ["a change dated 0001-01-01"] = f => Set(Subscription(f, 0)["changes"]![0]!.AsObject(), "effectiveDate", "0001-01-01"),
        ["a quantity of 0"] = f => Set(Subscription(f, 0), "quantity", 0),
        ["a quantity of 1,000,000"] = f => Set(Subscription(f, 0), "quantity", 1_000_000),
        ["a charge quantity of 0.00001"] = f => Set(Charge(f, 0), "quantity", 0.00001m),
        ["a charge dated 0001-01-01"] = f => Set(Charge(f, 0), "date", "0001-01-01"),
        ["duplicate plan ids"] = f => Set(Plan(f, 1), "id", "team-monthly-eur"),
        ["duplicate account ids"] = f => Set(Account(f, 1), "id", "acme-gmbh"),
        ["duplicate subscription ids"] = f => Append(Subscriptions(f, 0), Subscription(f, 0).DeepClone()),
        ["duplicate charge ids"] = f => Append(Charges(f, 0), Charge(f, 0).DeepClone()),
        ["an unknown country code"] = f => Set(Address(f, 0), "countryCode", "XX"),
        ["a lower-case country code"] = f => Set(Address(f, 0), "countryCode", "de"),
        ["an email without an at sign"] = f => Set(Account(f, 0), "billingEmails", new JsonArray("rechnungen.acme.example")),
        ["no billing email"] = f => Set(Account(f, 0), "billingEmails", new JsonArray()),
        ["a language that is not ISO 639-1"] = f => Set(Account(f, 0), "language", "german"),
        ["a bad IBAN"] = f => Set(Account(f, 0), "knownPayerIbans", new JsonArray("DE00370400440532013000")),
        ["an unknown field"] = f => Set(Account(f, 0), "paymentTerms", 30),
        ["an id with a slash"] = f => Set(Plan(f, 2), "id", "team/quarterly"),
        ["a legal name of 300 characters"] = f => Set(Account(f, 0), "legalName", new string('A', 300)),
        ["a 20 KB legal name"] = f => Set(Account(f, 0), "legalName", new string('A', 20_000)),
        ["a null account"] = f => Append(Accounts(f), null),
        ["null where an id is required"] = f => Set(Plan(f, 0), "id", null),
        ["no plans array"] = f => f.Remove("plans") ? f : f,
        ["no accounts array"] = f => f.Remove("accounts") ? f : f,
        ["an empty object"] = _ => new JsonObject(),
        ["an array"] = _ => new JsonArray(),
    };

    public static TheoryData<string, string> Cases => new()
    {
        { "payment terms of 100,000,000 days", "accounts[0].account.paymentTermsDays: 100000000 is out of range: expected 0-365 days" },
        { "negative payment terms", "accounts[0].account.paymentTermsDays" },
        { "an oversized price", "plans[0].unitPrice.amount: 1000000000000.00 is out of range" },
        { "a negative price", "plans[0].unitPrice.amount" },
        { "a price finer than the cent", "plans[0].unitPrice.amount: 49.001 is finer than the minor unit of EUR" },
        { "amount forty", "plans[0].unitPrice: amount 'forty' is not a decimal number" },
        { "amount NaN", "plans[0].unitPrice: amount 'NaN' is not a decimal number" },
        { "amount 1e30", "plans[0].unitPrice: amount '1e30' is not a decimal number" },
        { "amount beyond decimal", "plans[0].unitPrice: amount '79228162514264337593543950336'" },
        { "an unknown currency", "currency 'XYZ' is not a supported ISO 4217 currency code" },
        { "start date 0001-01-01", "accounts[0].subscriptions[0].startDate: 0001-01-01 is out of range: expected 2000-01-01 to 2031-04-01" },
        { "start date 1999-12-31", "accounts[0].subscriptions[0].startDate: 1999-12-31 is out of range" },
        { "start date 2062-03-01", "accounts[0].subscriptions[0].startDate: 2062-03-01 is out of range" },
        { "a start with 51 back invoices", "accounts[0].subscriptions[0].startDate: 2022-01-15 would make the next billing run issue 51 back invoices" },
        { "a change dated 0001-01-01", "accounts[0].subscriptions[0].changes[0].effectiveDate" },
        { "a quantity of 0", "accounts[0].subscriptions[0].quantity: 0 is out of range: expected 1 to 100,000" },
        { "a quantity of 1,000,000", "accounts[0].subscriptions[0].quantity: 1000000 is out of range" },
        { "a charge quantity of 0.00001", "accounts[0].charges[0].quantity" },
        { "a charge dated 0001-01-01", "accounts[0].charges[0].date" },
        { "duplicate plan ids", "plans[1].id: plan id 'team-monthly-eur' appears twice (also plans[0])" },
        { "duplicate account ids", "accounts[1].account.id: account id 'acme-gmbh' appears twice (also accounts[0])" },
        { "duplicate subscription ids", "accounts[0].subscriptions[1].id: subscription id 'acme-team' appears twice" },
        { "duplicate charge ids", "accounts[0].charges[1].id: charge id 'acme-onboarding' appears twice" },
        { "an unknown country code", "accounts[0].account.address.countryCode: 'XX' is not an ISO 3166-1 alpha-2 country code" },
        { "a lower-case country code", "accounts[0].account.address.countryCode: 'de'" },
        { "an email without an at sign", "accounts[0].account.billingEmails[0]" },
        { "no billing email", "accounts[0].account.billingEmails: 0 addresses" },
        { "a language that is not ISO 639-1", "accounts[0].account.language" },
        { "a bad IBAN", "accounts[0].account.knownPayerIbans[0]" },
        { "an unknown field", "accounts[0].account.paymentTerms" },
        { "an id with a slash", "plans[2].id: 'team/quarterly' is not an id" },
        { "a legal name of 300 characters", "accounts[0].account.legalName: 300 characters long: expected 1-200 characters" },
        { "a 20 KB legal name", "accounts[0].account.legalName: a value of 20,000 bytes" },
        { "a null account", "accounts[2]: null is not an account" },
        { "null where an id is required", "plans[0].id" },
        { "no plans array", "the file has no 'plans' array" },
        { "no accounts array", "the file has no 'accounts' array" },
        { "an empty object", "the file has no 'plans' array" },
        { "an array", "the file holds an array, expected an object" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_BrokenFileIntoANewFolder_ExitsTwoNamingTheElement_AndCreatesNothing(string mutation, string expected)
    {
        var file = await BrokenFileAsync(mutation);
        var data = CliRun.NewDataDirectory();

        var result = await CliRun.RunAsync("accounts", "import", file, "--data", data);

        AssertRefused(result, $"billing: error: {Path.GetFileName(file)}: ", expected);
        Assert.False(Directory.Exists(data), "a refused import must not leave a data folder behind");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_BrokenFileIntoAnExistingFolder_ExitsTwo_AndChangesNothing(string mutation, string expected)
    {
        var data = await ImportedData.CreateAsync();
        var before = DataFolderSnapshot.Take(data);
        var file = await BrokenFileAsync(mutation);

        var result = await CliRun.RunAsync("accounts", "import", file, "--data", data);

        AssertRefused(result, "billing: error: ", expected);
        Assert.Equal(before, DataFolderSnapshot.Take(data));
    }

    [Fact]
    public async Task Import_AFileLargerThan32MiB_IsRefusedBeforeItIsRead()
    {
        var file = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.json");
        await using (var stream = File.Create(file))
        {
            stream.SetLength(33L * 1024 * 1024);
        }

        var result = await CliRun.RunAsync("accounts", "import", file, "--data", CliRun.NewDataDirectory());

        AssertRefused(result, "billing: error: ", "the file is 34,603,008 bytes; an import file is at most 33,554,432 bytes (32 MiB)");
    }

    [Fact]
    public async Task Import_AStartWith36BackInvoices_IsAccepted()
    {
        var file = await MutatedFileAsync(f => Set(Subscription(f, 0), "startDate", "2023-05-01"));

        var result = await CliRun.RunAsync("accounts", "import", file, "--data", CliRun.NewDataDirectory());

        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public async Task Import_AnOldSubscriptionAgain_IsAccepted_BecauseItsPeriodsAreBilledAlready()
    {
        var old = await MutatedFileAsync(f => Set(Subscription(f, 0), "startDate", "2022-01-15"));
        var data = CliRun.NewDataDirectory();
        var first = await CliRun.RunOnAsync(new DateOnly(2023, 6, 1), "accounts", "import", old, "--data", data);

        var again = await CliRun.RunAsync("accounts", "import", old, "--data", data);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(again.ExitCode == 0, again.Error);
    }

    [Fact]
    public async Task Import_APriceInWholeYenWrittenWithZeroCents_IsAccepted()
    {
        var file = await MutatedFileAsync(f =>
        {
            Set(Price(f, 2), "currency", "JPY");
            return Set(Price(f, 2), "amount", "139.00");
        });

        var result = await CliRun.RunAsync("accounts", "import", file, "--data", CliRun.NewDataDirectory());

        // The yen plan is priced for an EUR account: the currency rule, not the precision rule, refuses it.
        Assert.Contains("plan 'team-quarterly-eur' is priced in JPY but the account is billed in EUR", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private static void AssertRefused(CliResult result, string prefix, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    private static Task<string> BrokenFileAsync(string mutation) => MutatedFileAsync(s_mutations[mutation]);

    private static async Task<string> MutatedFileAsync(Func<JsonObject, JsonNode?> mutate)
    {
        var example = JsonNode.Parse(await File.ReadAllTextAsync(CliRun.ExampleFile("accounts.json")))!.AsObject();
        var mutated = mutate(example);
        var file = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, mutated is JsonObject ? mutated.ToJsonString() : (mutated ?? example).ToJsonString());
        return file;
    }

    private static JsonObject Set(JsonObject target, string name, JsonNode? value)
    {
        target[name] = value;
        return target.Root.AsObject();
    }

    private static JsonObject Append(JsonArray target, JsonNode? value)
    {
        target.Add(value);
        return target.Root.AsObject();
    }

    private static JsonArray Accounts(JsonObject file) => file["accounts"]!.AsArray();

    private static JsonObject Account(JsonObject file, int index) => Accounts(file)[index]!["account"]!.AsObject();

    private static JsonObject Address(JsonObject file, int index) => Account(file, index)["address"]!.AsObject();

    private static JsonObject Plan(JsonObject file, int index) => file["plans"]![index]!.AsObject();

    private static JsonObject Price(JsonObject file, int index) => Plan(file, index)["unitPrice"]!.AsObject();

    private static JsonArray Subscriptions(JsonObject file, int index) => Accounts(file)[index]!["subscriptions"]!.AsArray();

    private static JsonObject Subscription(JsonObject file, int index) => Subscriptions(file, index)[0]!.AsObject();

    private static JsonArray Charges(JsonObject file, int index) => Accounts(file)[index]!["charges"]!.AsArray();

    private static JsonObject Charge(JsonObject file, int index) => Charges(file, index)[0]!.AsObject();
}
