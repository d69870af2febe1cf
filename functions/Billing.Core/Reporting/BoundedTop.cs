namespace Billing.Core.Reporting;

/// <summary>
/// Keeps the <c>capacity</c> greatest items seen (by <c>comparer</c>) in a min-heap, so a list of the largest debtors
/// costs memory for the list only, however many candidates stream past. The comparer must be a total order (break
/// ties by an id) for the result to be deterministic.
/// </summary>
internal sealed class BoundedTop<T>(int capacity, IComparer<T> comparer)
{
    private readonly PriorityQueue<T, T> _heap = new(capacity + 1, comparer);

    public void Offer(T item)
    {
        if (capacity <= 0)
        {
            return;
        }

        if (_heap.Count < capacity)
        {
            _heap.Enqueue(item, item);
        }
        else if (comparer.Compare(item, _heap.Peek()) > 0)
        {
            _heap.DequeueEnqueue(item, item);
        }
    }

    /// <summary>The items kept, greatest first.</summary>
    public IReadOnlyList<T> Descending()
    {
        var items = _heap.UnorderedItems.Select(entry => entry.Element).ToList();
        items.Sort((a, b) => comparer.Compare(b, a));
        return items;
    }
}
