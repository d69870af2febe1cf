using Billing.Core.Storage;

namespace Billing.Local.Tests.Support;

public sealed record TestNote(string Text, int Version = 0) : IDocument
{
    public static string DocumentType => "note";

    public static string Container => Containers.Billing;
}

public sealed record OtherNote(string Text) : IDocument
{
    public static string DocumentType => "other";

    public static string Container => Containers.Billing;
}
