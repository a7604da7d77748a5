using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.ServiceDefaults.Audit.AccessLog;

/// <summary>
/// The call gate's hook: every answer of every caseflow call passes here before it leaves, and one that shows personal
/// data is first recorded in the access log of the service that served it. Recording fails closed: an answer whose read
/// could not be logged is not sent (the failure is the call's answer).
/// </summary>
public static class AccessRecording
{
    public static async Task Record(ServerCallContext context, object? request, object? answer)
    {
        if (answer is not IMessage shown || !PersonalDataShown.MayCarry(shown.Descriptor) || !CaseFlowMethods.IsCaseFlow(context.Method)) return;
        var cases = PersonalDataShown.ShownIn(shown, PersonalDataShown.CaseOf(request as IMessage));
        if (cases.Count == 0) return;
        var http = context.GetHttpContext();
        await http.RequestServices.GetRequiredService<AccessLogWriter>().Record(
            Caller.From(http.User), context.Method, StatedPurpose.Of(http), cases, context.CancellationToken);
    }

    /// <summary>
    /// A response stream whose every message is recorded before it is written; an export's (declared in its proto) is
    /// recorded once, naming its filter, before the first row that shows personal data.
    /// </summary>
    public static IServerStreamWriter<T> Recorded<T>(IServerStreamWriter<T> inner, ServerCallContext context, object? request) =>
        CaseFlowMethods.Find(context.Method) is { IsExport: true } && request is IMessage filter
            ? new ExportWriter<T>(inner, context, filter)
            : new RecordedWriter<T>(inner, context, request);

    private sealed class ExportWriter<T>(IServerStreamWriter<T> inner, ServerCallContext context, IMessage filter) : IServerStreamWriter<T>
    {
        private bool recorded;

        public WriteOptions? WriteOptions { get => inner.WriteOptions; set => inner.WriteOptions = value; }

        public async Task WriteAsync(T message)
        {
            if (!recorded && message is IMessage row && PersonalDataShown.ShownIn(row, null).Count > 0)
            {
                var http = context.GetHttpContext();
                await http.RequestServices.GetRequiredService<AccessLogWriter>().Record(
                    Caller.From(http.User), context.Method, StatedPurpose.Of(http), new HashSet<Guid?> { null }, context.CancellationToken,
                    filter: JsonFormatter.Default.Format(filter));
                recorded = true;
            }
            await inner.WriteAsync(message);
        }
    }

    private sealed class RecordedWriter<T>(IServerStreamWriter<T> inner, ServerCallContext context, object? request) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get => inner.WriteOptions; set => inner.WriteOptions = value; }

        public async Task WriteAsync(T message)
        {
            await Record(context, request, message);
            await inner.WriteAsync(message);
        }
    }
}
