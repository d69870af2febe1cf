using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Azure;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Cosmos;

namespace Billing.Cli.Output;

/// <summary>
/// Turns an Azure SDK failure into the one line the CLI prints: which service failed, in which operation of ours, with
/// what status, and the service's own reason (its first line only) — never the exception's stack trace or the SDK's
/// diagnostics dump, which <c>--verbose</c> prints instead. The failure is found anywhere in the exception's chain (inner
/// and aggregate exceptions). The operation is the innermost method of this project's code on the failure's stack
/// (<c>CosmosDocumentStore.ReadAsync</c>), so the line says where as well as what.
/// </summary>
public static class AzureFailureDescription
{
    private const int MaxReasonLength = 200;

    /// <summary>The one-line description, or <c>null</c> when <paramref name="exception"/> carries no Azure SDK failure.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Find(exception) switch
        {
            CosmosException cosmos => Line("Cosmos DB", cosmos,
                string.Create(CultureInfo.InvariantCulture, $"{(int)cosmos.StatusCode} {cosmos.StatusCode}{(cosmos.SubStatusCode != 0 ? $" (substatus {cosmos.SubStatusCode})" : "")}"),
                ReasonOf(cosmos.Message)),
            ServiceBusException serviceBus => Line("Service Bus", serviceBus,
                serviceBus.Reason + (serviceBus.IsTransient ? " (transient)" : ""), ReasonOf(serviceBus.Message)),
            RequestFailedException request => Line(ServiceOf(request), request,
                string.Create(CultureInfo.InvariantCulture, $"{request.Status}{(request.ErrorCode is { Length: > 0 } code ? " " + code : "")}"), ReasonOf(request.Message)),
            _ => null,
        };
    }

    private static Exception? Find(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            if (current is CosmosException or ServiceBusException or RequestFailedException)
            {
                return current;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return null;
    }

    private static string Line(string service, Exception failure, string status, string reason) =>
        OperationOf(failure) is { } operation
            ? $"{service} failed in {operation}: {status}: {reason}"
            : $"{service} failed: {status}: {reason}";

    /// <summary>Storage's exceptions name no service: the request's host does (<c>…blob…</c>, <c>…queue…</c>, Azurite's ports).</summary>
    private static string ServiceOf(RequestFailedException request)
    {
        var text = request.Message;
        return text.Contains(".blob.", StringComparison.OrdinalIgnoreCase) || text.Contains(":10000", StringComparison.Ordinal) ? "Blob Storage"
            : text.Contains(".queue.", StringComparison.OrdinalIgnoreCase) || text.Contains(":10001", StringComparison.Ordinal) ? "Queue Storage"
            : OperationOf(request) is { } operation && operation.Contains("Queue", StringComparison.Ordinal) ? "Queue Storage"
            : OperationOf(request) is { } blobOperation && blobOperation.Contains("Blob", StringComparison.Ordinal) ? "Blob Storage"
            : "Azure Storage";
    }

    /// <summary>
    /// The service's reason, on one line: Cosmos DB's <c>Reason: (…)</c> when present, else the message's first line, without
    /// the SDK's troubleshooting links, at most <see cref="MaxReasonLength"/> characters.
    /// </summary>
    private static string ReasonOf(string message)
    {
        var reason = message;
        var start = reason.IndexOf("Reason: (", StringComparison.Ordinal);
        if (start >= 0)
        {
            reason = reason[(start + "Reason: (".Length)..];
        }

        reason = reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        var link = reason.IndexOf(" For troubleshooting information", StringComparison.Ordinal);
        if (link >= 0)
        {
            reason = reason[..link];
        }

        reason = reason.TrimEnd(')', ';', ' ');
        return reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength - 1), "…");
    }

    /// <summary>The innermost method of this project (<c>Billing.*</c>, not the CLI's own plumbing) on the failure's stack.</summary>
    private static string? OperationOf(Exception failure)
    {
        foreach (var frame in new StackTrace(failure).GetFrames())
        {
            if (frame.GetMethod() is { DeclaringType: { } type } method && NameOf(type, method) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? NameOf(Type type, MethodBase method)
    {
        // An async method runs in a compiler-made state machine <Name>d__N nested in the real type.
        var (owner, name) = type.Name.StartsWith('<') && type.DeclaringType is { } declaring
            ? (declaring, type.Name[1..type.Name.IndexOf('>', StringComparison.Ordinal)])
            : (type, method.Name);
        while (owner.Name.StartsWith('<') && owner.DeclaringType is { } outer)
        {
            owner = outer;
        }

        return owner.Namespace is { } ns && ns.StartsWith("Billing.", StringComparison.Ordinal) && !ns.StartsWith("Billing.Cli", StringComparison.Ordinal)
            ? $"{owner.Name}.{name}"
            : null;
    }
}
