namespace Billing.Testing.Simulation;

/// <summary>Where an injected fault strikes an operation: not at all, before it (nothing happened), or after it (it happened, the caller saw an error).</summary>
public enum FaultPoint
{
    None,
    Before,
    After,
}

/// <summary>The fault the simulation injects: to the caller it looks like a network error or a process dying at that await.</summary>
public sealed class SimulatedFaultException(string operation, FaultPoint point)
    : IOException($"Simulated fault {point.ToString().ToLowerInvariant()} {operation}.");

/// <summary>
/// The seeded source of every random choice the simulation makes: which operation fails (before or after it takes effect),
/// where a worker yields to let another interleave. One seed, one sequence of choices per thread of control is not
/// promised (the thread pool decides the interleaving), but every run of a seed exercises the same mix and the same files.
/// </summary>
public sealed class SimulationFaults(int seed, double rate)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();
    private long _injected;

    /// <summary>Off while the world is set up and while retries finish.</summary>
    public bool Enabled { get; set; }

    public long Injected => Interlocked.Read(ref _injected);

    public int Next(int maxExclusive)
    {
        lock (_lock)
        {
            return _random.Next(maxExclusive);
        }
    }

    public double NextDouble()
    {
        lock (_lock)
        {
            return _random.NextDouble();
        }
    }

    /// <summary>Decides the fault for one operation; writes can fail after taking effect, reads only before.</summary>
    public FaultPoint Decide(bool write)
    {
        if (!Enabled)
        {
            return FaultPoint.None;
        }

        var roll = NextDouble();
        if (roll >= rate)
        {
            return FaultPoint.None;
        }

        Interlocked.Increment(ref _injected);
        return write && roll < rate / 2 ? FaultPoint.After : FaultPoint.Before;
    }

    /// <summary>Lets other workers run here now and then, so interleavings vary.</summary>
    public async Task InterleaveAsync()
    {
        if (NextDouble() < 0.3)
        {
            await Task.Yield();
        }
    }

    /// <summary>Runs <paramref name="operation"/> with a fault decided for it.</summary>
    public async Task<T> RunAsync<T>(string name, bool write, Func<Task<T>> operation)
    {
        await InterleaveAsync();
        var fault = Decide(write);
        if (fault == FaultPoint.Before)
        {
            throw new SimulatedFaultException(name, fault);
        }

        var result = await operation();
        if (fault == FaultPoint.After)
        {
            throw new SimulatedFaultException(name, fault);
        }

        return result;
    }
}
