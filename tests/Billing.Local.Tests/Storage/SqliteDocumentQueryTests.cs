using Billing.Core.Storage;
using Billing.Local.Storage;
using Billing.Local.Tests.Support;

namespace Billing.Local.Tests.Storage;

public sealed class SqliteDocumentQueryTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly LocalDatabase _database;

    public SqliteDocumentQueryTests() => _database = new LocalDatabase(_dir.Data);

    [Theory]
    [InlineData("status")]
    [InlineData("dueDate")]
    [InlineData("number")]
    [InlineData("bankReference")]
    public void Translate_AConditionAcrossPartitions_IsAnsweredFromThePropertysIndex(string property)
    {
        var (sql, values) = SqliteDocumentQuery.Translate(DocumentQuery.Across(DocumentFilter.Equal(property, "x")), "billing", "invoice");

        var plan = Plan(sql, values);

        Assert.Contains($"USING INDEX ix_documents_{property}", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ARangeWithAList_IsAnsweredFromAnIndex_NotAScan()
    {
        var query = DocumentQuery.Across(DocumentFilter.In("status", ["open", "draft"])).Where(DocumentFilter.AtMost("dueDate", "2026-03-01"));
        var (sql, values) = SqliteDocumentQuery.Translate(query, "billing", "invoice");

        var plan = Plan(sql, values);

        Assert.Contains("USING INDEX ix_documents_", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN documents", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("nextChargeDate")]
    public void TranslatePage_AfterACursor_WalksTheIndexInPageOrder_WithoutSorting(string property)
    {
        var query = DocumentQuery.Across(DocumentFilter.AtMost(property, "2026-03-01"));
        var (sql, values) = SqliteDocumentQuery.TranslatePage(query, "billing", "billingState", 100, new DocumentCursor("2026-02-01", "acc-1", "billing-state"));

        var plan = Plan(sql, values);

        Assert.Contains($"USING INDEX ix_documents_{property}", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }

    private string Plan(string sql, object?[] values)
    {
        using var connection = _database.Rent();
        using var reader = connection.Command("EXPLAIN QUERY PLAN " + sql, values).ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }
}
