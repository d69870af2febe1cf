namespace Billing.Core.Dunning;

/// <summary>
/// One rung of a dunning ladder: it is reached <see cref="Day"/> days after the invoice's due date (negative =
/// a courtesy reminder before it), sends the email <see cref="Template"/> and then performs <see cref="Action"/>.
/// </summary>
public sealed class DunningStage
{
    public int Day { get; set; }

    /// <summary>The built-in template: <c>reminder</c>, <c>first-notice</c>, <c>second-notice</c>, <c>final-notice</c> or <c>collections</c>.</summary>
    public string Template { get; set; } = DunningTemplates.FirstNotice;

    public DunningAction Action { get; set; } = DunningAction.Email;

    /// <summary>Required when <see cref="Action"/> is <see cref="DunningAction.LateFee"/>.</summary>
    public LateFee? LateFee { get; set; }

    /// <summary>SendGrid dynamic template id per ISO 639-1 language; when one is set for the account's
    /// language, the email carries it and <c>TemplateData</c> with the same fields as the built-in bodies.</summary>
    public Dictionary<string, string> SendGridTemplates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
