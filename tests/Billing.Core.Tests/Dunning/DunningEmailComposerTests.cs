using System.Globalization;
using System.Net;
using Billing.Core.Dunning;
using Billing.Core.Invoicing;

namespace Billing.Core.Tests.Dunning;

public sealed class DunningEmailComposerTests
{
    private static readonly DateOnly s_today = new(2026, 3, 1);

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public async Task Compose_MixedStageAccount_EveryBuiltInTemplateFramesExactlyTheInvoicesAtItsStage(string language)
    {
        using var s = new DunningScenario(s_today);
        var account = await s.AddAccountAsync("kunde", language);
        var policy = DunningPolicy.Default();
        var lines = new List<DunningLetterLine>();
        for (var stage = 1; stage <= policy.Stages.Count; stage++)
        {
            var invoice = await s.AddInvoiceAsync("kunde", s_today.AddDays(-policy.StageAt(stage).Day));
            lines.Add(Line(invoice, policy, stage));
        }

        for (var top = 1; top <= policy.Stages.Count; top++)
        {
            var included = lines.Take(top).ToList();
            var email = DunningEmailComposer.Compose(account, $"dunning-test-{top}", included, new Dictionary<string, ReadOnlyMemory<byte>>());

            var topText = DunningTemplates.Text(policy.StageAt(top).Template, language);
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, topText.Subject, DunningScenario.Seller.LegalName), email.Subject);
            Assert.Contains(topText.Opening, email.TextBody, StringComparison.Ordinal);
            Assert.Equal(top > 1, email.TextBody.Contains(DunningTemplates.Labels(language).Sections, StringComparison.Ordinal));
            Assert.DoesNotContain("{", email.TextBody, StringComparison.Ordinal);
            var sections = DunningScenario.SectionsOf(email.TextBody, language);
            Assert.Equal(included.Select(l => l.Stage.Template).Reverse(), sections.Keys);
            foreach (var line in included)
            {
                var text = DunningTemplates.Text(line.Stage.Template, language);
                var section = sections[line.Stage.Template];
                Assert.Contains(text.Lead, section, StringComparison.Ordinal);
                Assert.Contains(text.Closing, section, StringComparison.Ordinal);
                Assert.Equal([line.Stage.Template], sections.Where(x => x.Value.Contains(line.Notice.InvoiceNumber, StringComparison.Ordinal)).Select(x => x.Key));
                Assert.Single(sections.Values, v => v.Contains(text.Lead, StringComparison.Ordinal));
                Assert.Contains($"<h3>{WebUtility.HtmlEncode(text.Heading)}</h3><p>{WebUtility.HtmlEncode(text.Lead)}</p>", email.HtmlBody, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Templates_German_HaveTheirOwnWordsForEveryTemplate()
    {
        foreach (var template in DunningTemplates.Names)
        {
            var (en, de) = (DunningTemplates.Text(template, "en"), DunningTemplates.Text(template, "de"));
            Assert.All(new[] { (en.Subject, de.Subject), (en.Opening, de.Opening), (en.Heading, de.Heading), (en.Lead, de.Lead), (en.Closing, de.Closing) }, p => Assert.NotEqual(p.Item1, p.Item2));
        }
    }

    private static DunningLetterLine Line(Invoice invoice, DunningPolicy policy, int stage)
    {
        var settings = policy.StageAt(stage);
        var notice = new DunningNotice
        {
            Id = DunningNotice.IdFor(invoice.Id, stage), AccountId = invoice.AccountId, InvoiceId = invoice.Id, InvoiceNumber = invoice.Number!, Stage = stage,
            Policy = DunningPolicy.DefaultName, Day = settings.Day, Template = settings.Template, Action = settings.Action, RunDate = s_today,
            Status = DunningNoticeStatus.Claimed, LateFee = DunningActionRunner.LateFeeFor(invoice, settings),
        };
        return new DunningLetterLine(invoice, notice, settings, s_today.DayNumber - invoice.DueDate.DayNumber);
    }
}
