namespace Billing.Core.Dunning;

/// <summary>
/// A named ladder of <see cref="DunningStage"/>s, assigned to accounts by <c>Account.DunningPolicy</c>. Stages
/// are numbered from 1 in ascending <see cref="DunningStage.Day"/> order. Stage <c>k</c> falls due on
/// <c>DueDate + Day</c> in calendar days (weekends count, month ends are plain day arithmetic: due Jan 31 + 30
/// days is Mar 2 in a common year); with <see cref="SkipWeekends"/> a stage date on a Saturday or Sunday
/// moves to the following Monday.
/// </summary>
public sealed class DunningPolicy
{
    public const string DefaultName = "default";

    public bool SkipWeekends { get; set; }

    public List<DunningStage> Stages { get; set; } = [];

    /// <summary>The built-in ladder: a courtesy reminder 3 days before the due date, notices at +3 and +14,
    /// a final notice with a 1 % late fee (at least 5.00) on the next invoice at +30, collections at +45.</summary>
    public static DunningPolicy Default() => new()
    {
        Stages =
        [
            new() { Day = -3, Template = DunningTemplates.Reminder },
            new() { Day = 3, Template = DunningTemplates.FirstNotice },
            new() { Day = 14, Template = DunningTemplates.SecondNotice },
            new() { Day = 30, Template = DunningTemplates.FinalNotice, Action = DunningAction.LateFee, LateFee = new LateFee { Percent = 1m, Minimum = 5m } },
            new() { Day = 45, Template = DunningTemplates.Collections, Action = DunningAction.Collections },
        ],
    };

    /// <summary>Stage <paramref name="stage"/> (1-based).</summary>
    public DunningStage StageAt(int stage) => Stages[stage - 1];

    /// <summary>The day stage <paramref name="stage"/> (1-based) is reached for an invoice due on <paramref name="dueDate"/>.</summary>
    public DateOnly StageDate(DateOnly dueDate, int stage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stage, Stages.Count);
        var date = dueDate.AddDays(Stages[stage - 1].Day);
        return !SkipWeekends ? date : date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
    }

    /// <summary>The highest stage reached on <paramref name="asOf"/> by an invoice due on <paramref name="dueDate"/>, or 0 when none is.</summary>
    public int ReachedStage(DateOnly dueDate, DateOnly asOf)
    {
        for (var stage = Stages.Count; stage >= 1; stage--)
        {
            if (StageDate(dueDate, stage) <= asOf)
            {
                return stage;
            }
        }

        return 0;
    }

    /// <summary>Why this policy cannot be used, or null when it is well-formed.</summary>
    public string? Problem()
    {
        if (Stages.Count == 0)
        {
            return "has no stages";
        }

        for (var i = 0; i < Stages.Count; i++)
        {
            var stage = Stages[i];
            if (i > 0 && stage.Day <= Stages[i - 1].Day)
            {
                return $"stage {i + 1} (day {stage.Day}) must come after stage {i} (day {Stages[i - 1].Day}): list stages in ascending day order";
            }

            if (!DunningTemplates.Names.Contains(stage.Template))
            {
                return $"stage {i + 1} uses the unknown template '{stage.Template}' (known: {string.Join(", ", DunningTemplates.Names)})";
            }

            if (!Enum.IsDefined(stage.Action))
            {
                return $"stage {i + 1} has an unknown action";
            }

            if (stage.Action == DunningAction.LateFee && (stage.LateFee is null ? "is missing (set LateFee)" : stage.LateFee.Problem()) is { } fee)
            {
                return $"stage {i + 1}: the late fee {fee}";
            }
        }

        return null;
    }
}
