using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Billing.Functions.HostTests.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.HostTests.Host;

/// <summary>
/// A test-only stand-in for the Azure Functions host, as small as the protocol allows: a gRPC <c>FunctionRpc</c> server
/// on 127.0.0.1 and the real worker process (<c>dotnet Billing.Functions.dll</c>, as <c>worker.config.json</c> says),
/// started with the arguments and environment the host passes. It completes the start stream, <c>WorkerInitRequest</c>,
/// <c>FunctionsMetadataRequest</c> (worker indexing) and one <c>FunctionLoadRequest</c> per function, then sends
/// <c>InvocationRequest</c>s and returns the worker's <c>InvocationResponse</c>. It has no listeners, scale controller,
/// retry policies or timers of its own: the tests decide what to invoke (see <see cref="QueueTriggerDriver"/>).
/// </summary>
public sealed class FunctionsTestHost : IAsyncDisposable
{
    public const string HostVersion = "4.1040.0";
    private const int MaxMessageLength = int.MaxValue;

    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionLoadResponse>> _loads = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<StartStream> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WorkerInitResponse> _initialised = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<FunctionMetadataResponse> _metadata = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<RpcLog> _logs = new();
    private readonly StringBuilder _workerOutput = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _server;
    private Process? _worker;

    private FunctionsTestHost(string appDirectory, IReadOnlyDictionary<string, string> settings)
    {
        AppDirectory = appDirectory;
        Settings = settings;
    }

    /// <summary>The worker id passed on the command line; the worker must name it in <c>StartStream</c>.</summary>
    public string WorkerId { get; } = Guid.NewGuid().ToString();

    public string AppDirectory { get; }

    /// <summary>The app settings, given to the worker as environment variables (as App Service does).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public WorkerInitResponse? InitResponse { get; private set; }

    public IReadOnlyList<LoadedFunction> Functions { get; private set; } = [];

    /// <summary>Every log the worker sent over the stream (<c>RpcLog</c>), in order.</summary>
    public IReadOnlyCollection<RpcLog> Logs => _logs;

    /// <summary>The worker's stdout and stderr so far (for failure messages).</summary>
    public string WorkerOutput
    {
        get
        {
            lock (_workerOutput)
            {
                return _workerOutput.ToString();
            }
        }
    }

    /// <summary>Starts the server and the worker in <paramref name="appDirectory"/> and loads every function it reports.</summary>
    public static async Task<FunctionsTestHost> StartAsync(string appDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var host = new FunctionsTestHost(appDirectory, settings);
        try
        {
            await host.StartCoreAsync(timeout);
            return host;
        }
        catch (Exception error)
        {
            var output = host.WorkerOutput;
            await host.DisposeAsync();
            throw new InvalidOperationException($"The worker did not start: {error.Message}\nWorker output:\n{output}", error);
        }
    }

    public LoadedFunction Function(string name) =>
        Functions.SingleOrDefault(f => f.Name == name) ?? throw new InvalidOperationException($"The worker reported no function {name}.");

    /// <summary>Resolves <c>%SETTING%</c> names in a binding expression from the app settings, as the host does.</summary>
    public string Resolve(string expression)
    {
        var parts = expression.Split('%');
        if (parts.Length % 2 == 0)
        {
            throw new InvalidOperationException($"Unbalanced % in binding expression '{expression}'.");
        }

        for (var i = 1; i < parts.Length; i += 2)
        {
            parts[i] = Settings.TryGetValue(parts[i], out var value)
                ? value
                : throw new InvalidOperationException($"Binding expression '{expression}' names the app setting {parts[i]}, which is not set.");
        }

        return string.Concat(parts);
    }

    /// <summary>Sends one <c>InvocationRequest</c> for <paramref name="function"/> and waits for its response.</summary>
    public async Task<InvocationResponse> InvokeAsync(
        LoadedFunction function, TypedData trigger, IReadOnlyDictionary<string, TypedData> triggerMetadata, RetryContext? retry = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        var invocationId = Guid.NewGuid().ToString();
        var request = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = function.Id,
            TraceContext = new RpcTraceContext { TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01" },
            RetryContext = retry,
        };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerParameter, Data = trigger });
        foreach (var (key, value) in triggerMetadata)
        {
            request.TriggerMetadata[key] = value;
        }

        request.TriggerMetadata["sys"] = TriggerPayloads.Json(JsonSerializer.Serialize(new
        {
            MethodName = function.Name,
            UtcNow = DateTimeOffset.UtcNow,
            RandGuid = Guid.NewGuid(),
        }));

        var response = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[invocationId] = response;
        await SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = request });
        try
        {
            return await WaitAsync(response.Task, timeout ?? TimeSpan.FromMinutes(2), $"the response to invocation {invocationId} of {function.Name}");
        }
        finally
        {
            _invocations.TryRemove(invocationId, out _);
        }
    }

    /// <summary>The worker's log messages of one invocation, in order.</summary>
    public IReadOnlyList<RpcLog> LogsOf(InvocationResponse response) =>
        _logs.Where(l => l.InvocationId == response?.InvocationId).ToList();

    internal async Task RunStreamAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var writer = Task.Run(async () =>
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(linked.Token))
            {
                await responses.WriteAsync(message, linked.Token);
            }
        }, linked.Token);
        try
        {
            while (await requests.MoveNext(linked.Token))
            {
                Dispatch(requests.Current);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The test host is stopping.
        }
        catch (IOException)
        {
            // The worker went away.
        }

        await linked.CancelAsync();
        try
        {
            await writer;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                _started.TrySetResult(message.StartStream);
                break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                _initialised.TrySetResult(message.WorkerInitResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                _metadata.TrySetResult(message.FunctionMetadataResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                if (_loads.TryGetValue(message.FunctionLoadResponse.FunctionId, out var load))
                {
                    load.TrySetResult(message.FunctionLoadResponse);
                }

                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryGetValue(message.InvocationResponse.InvocationId, out var invocation))
                {
                    invocation.TrySetResult(message.InvocationResponse);
                }

                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                _logs.Enqueue(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.WorkerStatusResponse:
            default:
                break;
        }
    }

    private async Task StartCoreAsync(TimeSpan timeout)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageLength;
            grpc.MaxSendMessageSize = MaxMessageLength;
        });
        builder.Services.AddSingleton(this);
        _server = builder.Build();
        _server.MapGrpcService<FunctionRpcService>();
        await _server.StartAsync();
        var uri = new Uri(_server.Urls.Single());

        StartWorker(uri);
        var started = await WaitAsync(_started.Task, timeout, "StartStream");
        if (started.WorkerId != WorkerId)
        {
            throw new InvalidOperationException($"The worker started the stream as '{started.WorkerId}', not '{WorkerId}'.");
        }

        var init = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = AppDirectory, FunctionAppDirectory = AppDirectory };
        init.LogCategories["Default"] = RpcLog.Types.Level.Information;
        await SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), WorkerInitRequest = init });
        InitResponse = await WaitAsync(_initialised.Task, timeout, "WorkerInitResponse");
        ThrowIfFailed(InitResponse.Result, "WorkerInitRequest");

        await SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = AppDirectory } });
        var metadata = await WaitAsync(_metadata.Task, timeout, "FunctionMetadataResponse");
        ThrowIfFailed(metadata.Result, "FunctionsMetadataRequest");
        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asked the host to index the functions itself; this worker version indexes its own.");
        }

        foreach (var reported in metadata.FunctionMetadataResults.Where(m => string.IsNullOrEmpty(m.FunctionId)))
        {
            reported.FunctionId = Guid.NewGuid().ToString(); // the host assigns an id when the worker gives none
        }

        Functions = metadata.FunctionMetadataResults.Select(m => new LoadedFunction(m)).ToList();
        foreach (var function in Functions)
        {
            var load = new TaskCompletionSource<FunctionLoadResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            _loads[function.Id] = load;
            await SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionLoadRequest = function.ToLoadRequest() });
            ThrowIfFailed((await WaitAsync(load.Task, timeout, $"FunctionLoadResponse of {function.Name}")).Result, $"FunctionLoadRequest of {function.Name}");
        }
    }

    /// <summary>Starts <c>defaultExecutablePath defaultWorkerPath</c> of worker.config.json with the host's arguments.</summary>
    private void StartWorker(Uri server)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppDirectory, "worker.config.json")));
        var description = config.RootElement.GetProperty("description");
        var executable = description.GetProperty("defaultExecutablePath").GetString()!;
        if (executable == "dotnet" && Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnetHost)
        {
            executable = dotnetHost;
        }

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var requestId = Guid.NewGuid().ToString();
        string[] arguments =
        [
            Path.Combine(AppDirectory, description.GetProperty("defaultWorkerPath").GetString()!),
            "--host", server.Host, "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", WorkerId, "--requestId", requestId, "--grpcMaxMessageLength", MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--functions-uri", server.AbsoluteUri, "--functions-worker-id", WorkerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Settings)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = AppDirectory;
        start.Environment["AzureWebJobsScriptRoot"] = AppDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = AppDirectory;

        _worker = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _worker.OutputDataReceived += (_, e) => Append(e.Data);
        _worker.ErrorDataReceived += (_, e) => Append(e.Data);
        _worker.BeginOutputReadLine();
        _worker.BeginErrorReadLine();
        _worker.EnableRaisingEvents = true;
        _worker.Exited += (_, _) => _started.TrySetException(new InvalidOperationException($"The worker exited with code {_worker.ExitCode}."));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_workerOutput)
        {
            if (_workerOutput.Length < 200_000)
            {
                _workerOutput.AppendLine(line);
            }
        }
    }

    private async Task SendAsync(StreamingMessage message) => await _outgoing.Writer.WriteAsync(message);

    private async Task<T> WaitAsync<T>(Task<T> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var exited = _worker is { HasExited: true } w ? $" (the worker exited with code {w.ExitCode})" : "";
            throw new TimeoutException($"No {what} from the worker within {timeout.TotalSeconds:0} s{exited}.");
        }
    }

    private static void ThrowIfFailed(StatusResult? result, string what)
    {
        if (result is null || result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{what} failed: {result?.Result} {result?.Exception?.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is { HasExited: false })
        {
            await SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) } });
            try
            {
                await _worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                _worker.Kill(entireProcessTree: true);
            }
        }

        _worker?.Dispose();
        _outgoing.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        _stopping.Dispose();
    }
}
