namespace Billing.Documents.Pdf;

/// <summary>One column of a <see cref="PdfTable"/>: numbers align right and stay on one line, text wraps.</summary>
internal sealed record PdfColumn(string Header, double X, double Width, bool AlignRight = false);
