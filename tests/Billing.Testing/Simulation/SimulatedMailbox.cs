using System.Collections.Concurrent;
using Billing.Core.Email;

namespace Billing.Testing.Simulation;

/// <summary>
/// The email provider as the local outbox behaves: a message id is delivered once, a second send of the same id is
/// refused (answered with the first delivery). A send may fail before the provider has it, or after it accepted it
/// (the caller saw an error). Counts every attempt per id, so a test sees a duplicate that an id-blind provider would deliver.
/// </summary>
public sealed class SimulatedMailbox(SimulationFaults faults) : IEmailSender
{
    public ConcurrentDictionary<string, EmailMessage> Delivered { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);

    public Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        faults.RunAsync($"send email {message.MessageId}", true, () =>
        {
            Accepted.AddOrUpdate(message.MessageId, 1, (_, n) => n + 1);
            Delivered.TryAdd(message.MessageId, message);
            return Task.FromResult(message.MessageId);
        });
}
