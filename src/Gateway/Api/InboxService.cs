using Grpc.Core;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Domain.Limits;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// tilsyn.v1.Inbox: a chief's inbox from the chief grain (computed from the portfolio's units), a unit's
/// tasks from its unit grain, completing a task by hand, and the streamed inbox (InboxService.Watch.cs).
/// </summary>
public sealed partial class InboxService(ApiCalls api, IOptions<InboxWatchOptions> watchOptions, ILogger<InboxService> logger) : Inbox.InboxBase
{
    private IOrganisationGrain Directory => api.Grain<IOrganisationGrain>(GrainKeys.Singleton);

    public override async Task<ListTasksResponse> ListTasks(ListTasksRequest request, ServerCallContext context)
    {
        var view = TaskView.From(request.Filter, "filter");
        var token = context.CancellationToken;
        Caller caller;
        IReadOnlyList<Model.TaskDto> tasks;
        Dictionary<string, string> names;
        if (ResourceNames.Chief.TryParse(request.Parent, out var chiefParts))
        {
            var chief = chiefParts["chief"];
            caller = ChiefInboxCaller(context, chief);
            await CheckUnitFilterAsync(context, view);
            var inbox = await api.AskAsync(caller, token, () => api.Grain<IChiefGrain>(chief).GetInboxAsync(new Model.InboxQuery(OnlyMine: false, view.IncludesDone)));
            if (!inbox.UnitsNotReached.IsEmpty) LogUnitsNotReached(logger, chief, inbox.UnitsNotReached.Length);
            tasks = inbox.Tasks;
            names = await PortfolioNamesAsync(caller, chief, token);
        }
        else
        {
            if (!ResourceNames.Unit.TryParse(request.Parent, out var unitParts))
                throw GrpcErrors.InvalidArgument($"'{request.Parent}' is not a parent of tasks.", ("parent", "must look like chiefs/{chief} or units/{unit}"));
            var unit = unitParts["unit"];
            caller = await api.UnitAccessAsync(context, ApiAction.ReadTasks, unit);
            tasks = await api.AskAsync(caller, token, () => api.Grain<IUnitGrain>(unit).GetTasksAsync(new Model.TaskQuery(null, view.IncludesDone)));
            var found = await api.AskAsync(caller, token, () => Directory.GetUnitAsync(unit));
            names = new() { [unit] = found.Name };
        }

        var matching = tasks.Where(view.Matches).ToList();
        var (page, next) = Paging.Slice(matching, request.PageSize, request.PageToken, request.Parent, view.Fingerprint);
        var response = new ListTasksResponse { NextPageToken = next, TotalSize = matching.Count };
        response.Tasks.AddRange(page.Select(t => t.ToApi(names.GetValueOrDefault(t.Unit, ""))));
        return response;
    }

    /// <summary>
    /// Only the assignee's role completes a task, and only tasks that no action of the loop closes: the
    /// administration's entry of a unit's focus areas in the committee overview. Others answer
    /// FAILED_PRECONDITION naming the action that closes them; a task already done is answered as it is.
    /// </summary>
    public override async Task<LoopTask> CompleteTask(CompleteTaskRequest request, ServerCallContext context)
    {
        var parts = ResourceNames.Task.Parse(request.Name, "name");
        var unit = parts["unit"];
        var id = TaskMapping.TaskId(unit, parts["task"]);
        CommonMapping.OptionalText(request.Note, "note", TextLimits.Note);
        var caller = await api.UnitAccessAsync(context, ApiAction.CompleteTask, unit);
        var facts = await api.FindUnitAsync(unit, context.CancellationToken);
        var task = await FindTaskAsync(caller, unit, id, context.CancellationToken);
        AccessPolicy.CheckTaskCompletion(caller, facts, unit, ApiEnums.ToApi<Model.AssigneeRole, AssigneeRole>(task.Assignee)).ThrowIfNotAllowed();
        if (task.State == Model.TaskState.Done) return await ToApiAsync(caller, task, context.CancellationToken);
        if (task.Kind != Model.TaskKind.CompileFocusAreaOverview)
        {
            throw GrpcErrors.FailedPrecondition(
                $"Task {request.Name} cannot be completed by hand: {TaskMapping.ClosingAction(task.Kind)}.",
                ("CLOSES_BY_ITS_ACTION", TaskMapping.ResourceOf(task), TaskMapping.ClosingAction(task.Kind)));
        }

        return await api.ChangeAsync(context, caller, request, request.RequestId, async token =>
        {
            await api.AskAsync(caller, token, () => api.Grain<IUnitGrain>(unit).CompleteFocusAreaOverviewAsync(), request.Name);
            return await ToApiAsync(caller, await FindTaskAsync(caller, unit, id, token), token);
        });
    }

    private async Task<Model.TaskDto> FindTaskAsync(Caller caller, string unit, string id, CancellationToken token)
    {
        var tasks = await api.AskAsync(caller, token, () => api.Grain<IUnitGrain>(unit).GetTasksAsync(new Model.TaskQuery(null, IncludeDone: true)));
        return tasks.FirstOrDefault(t => t.Id == id) ?? throw GrpcErrors.NotFound($"Unit {unit} has no task {id}.");
    }

    private async Task<LoopTask> ToApiAsync(Caller caller, Model.TaskDto task, CancellationToken token)
    {
        var unit = await api.RunAsync(caller, token, () => Directory.GetUnitAsync(task.Unit));
        return task.ToApi(unit.IsSuccess ? unit.Value.Name : "");
    }

    /// <summary>A unit filter outside the caller's portfolio is PERMISSION_DENIED, as a chief filter of another
    /// chief is, rather than an empty list.</summary>
    private async Task CheckUnitFilterAsync(ServerCallContext context, TaskView view)
    {
        if (view.Unit is { } unit) await api.UnitAccessAsync(context, ApiAction.ReadTasks, unit);
    }

    /// <summary>The caller, when it is the chief whose inbox <paramref name="chief"/> is.</summary>
    private static Caller ChiefInboxCaller(ServerCallContext context, string chief)
    {
        var caller = context.GetCaller();
        AccessPolicy.CheckChiefInbox(caller, chief).ThrowIfNotAllowed();
        return caller;
    }

    /// <summary>Display names of the units of a chief's portfolio, by id.</summary>
    private async Task<Dictionary<string, string>> PortfolioNamesAsync(Caller caller, string chief, CancellationToken token)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await api.AskAsync(caller, token, () => Directory.ListUnitsAsync(new Model.UnitQuery(PageSize: 1000, PageToken: after, Chief: chief)));
            foreach (var unit in page.Units) names[unit.Id] = unit.Name;
            after = page.NextPageToken;
        }
        while (after is not null);
        return names;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox of chief {Chief}: {Count} unit(s) did not answer; their tasks are missing")]
    private static partial void LogUnitsNotReached(ILogger logger, string chief, int count);
}
