namespace Billing.Core.Storage;

/// <summary>A document as read from the store, with the ETag a conditional replace must present.</summary>
public sealed record Stored<T>(DocumentKey Key, T Value, string ETag);
