namespace Billing.BankFiles.Camt;

/// <summary>
/// A remembered reader position (line and element depth), formatted into text only when an error names it, so that
/// reading a valid entry never builds a position string.
/// </summary>
internal readonly record struct PositionMark(int Line, int Depth);
