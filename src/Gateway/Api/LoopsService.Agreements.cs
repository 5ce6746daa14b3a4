using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Domain.Limits;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>The unit's agreement ledger: list (paginated), close.</summary>
public sealed partial class LoopsService
{
    public override async Task<ListAgreementsResponse> ListAgreements(ListAgreementsRequest request, ServerCallContext context)
    {
        var unit = ResourceNames.Unit.Parse(request.Parent, "parent")["unit"];
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadMeetingContent, unit);
        Model.AgreementStatus? status = request.Status == AgreementStatus.Unspecified
            ? null
            : ApiEnums.ToModel<AgreementStatus, Model.AgreementStatus>(request.Status, "status");
        var agreements = await api.AskAsync(caller, context.CancellationToken, () => UnitGrain(unit).GetAgreementsAsync(includeClosed: true));
        var matching = agreements.Where(a => status is null || a.Status == status).ToList();
        var size = Math.Min(Paging.Size(request.PageSize), CollectionLimits.AgreementsPerPage);
        var (page, next) = Paging.Slice(matching, size, request.PageToken, unit, status);
        var response = new ListAgreementsResponse { NextPageToken = next, TotalSize = matching.Count };
        response.Agreements.AddRange(page.Select(a => a.ToApi(unit)));
        return response;
    }

    public override async Task<Agreement> CloseAgreement(CloseAgreementRequest request, ServerCallContext context)
    {
        var parts = ResourceNames.Agreement.Parse(request.Name, "name");
        var (unit, id) = (parts["unit"], parts["agreement"]);
        var caller = await api.UnitAccessAsync(context, ApiAction.CloseAgreement, unit);
        var note = CommonMapping.OptionalText(request.ClosingNote, "closing_note", TextLimits.Note);
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.CloseAgreementAsync(id, note),
            async token =>
            {
                var agreements = await api.AskAsync(caller, token, () => UnitGrain(unit).GetAgreementsAsync(includeClosed: true));
                return agreements.First(a => a.Id == id).ToApi(unit);
            });
    }
}
