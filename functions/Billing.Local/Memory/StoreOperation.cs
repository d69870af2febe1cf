namespace Billing.Local.Memory;

/// <summary>A kind of store round trip; <see cref="Conflict"/> counts replaces refused for a stale ETag.</summary>
public enum StoreOperation
{
    Read,
    Create,
    Replace,
    Delete,
    QueryPage,
    Conflict,
}
