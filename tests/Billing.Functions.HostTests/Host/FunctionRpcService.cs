using Billing.Functions.HostTests.Rpc;
using Grpc.Core;

namespace Billing.Functions.HostTests.Host;

/// <summary>The host's end of the FunctionRpc event stream: the worker dials in and the stream is handed to the test host.</summary>
internal sealed class FunctionRpcService(FunctionsTestHost host) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        host.RunStreamAsync(requestStream, responseStream, context.CancellationToken);
}
