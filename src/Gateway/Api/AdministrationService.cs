using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using DomainDates = OrleansTilsyn.Grains.Domain.Calendar.DomainDates;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>tilsyn.v1.Administration over the configuration grain: the versioned annual wheel.</summary>
public sealed class AdministrationService(ApiCalls api) : Administration.AdministrationBase
{
    private const int MaxReasonLength = 1000;

    private IConfigurationGrain Configuration => api.Grain<IConfigurationGrain>(GrainKeys.Singleton);

    public override async Task<WheelConfig> GetWheelConfig(GetWheelConfigRequest request, ServerCallContext context)
    {
        var segment = ResourceNames.WheelConfig.Parse(request.Name, "name")["config"];
        var key = WheelMapping.ParseConfigSegment(segment, "name");
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ReadWheelConfiguration);
        var token = context.CancellationToken;
        var versions = await api.RunAsync(caller, token, () => Configuration.ListWheelVersionsAsync());
        var inForce = await api.RunAsync(caller, token, () => Configuration.ResolveWheelAsync(key, DomainDates.DayOf(api.Now)));
        var config = new WheelConfig
        {
            Name = ResourceNames.WheelConfig.Format(WheelMapping.ConfigSegment(key)),
            Sector = key.Sector.ToApi(),
            SelfOwned = key.SelfOwned,
            Special = key.Special,
            InForce = inForce.ToApi(),
        };
        config.Versions.AddRange(versions.Where(v => v.Key == key).OrderBy(v => v.Version).Select(v => v.ToApi()));
        return config;
    }

    public override async Task<WheelVersion> AddWheelVersion(AddWheelVersionRequest request, ServerCallContext context)
    {
        var segment = ResourceNames.WheelConfig.Parse(request.Parent, "parent")["config"];
        var key = WheelMapping.ParseConfigSegment(segment, "parent");
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ChangeWheelConfiguration);
        var v = new RequestViolations();
        var effectiveFrom = v.Date(request.EffectiveFrom, "effective_from");
        Model.WheelSettingsDto? settings = null;
        try
        {
            settings = request.Settings.ToModel("settings");
        }
        catch (GrpcStatusException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            foreach (var violation in e.Details.OfType<Google.Rpc.BadRequest>().SelectMany(b => b.FieldViolations)) v.Add(violation.Field, violation.Description);
        }

        if (request.Reason.Length > MaxReasonLength) v.Add("reason", $"must be at most {MaxReasonLength} characters");
        v.ThrowIfAny("The wheel version cannot be read.");
        var change = new Model.WheelChangeDto(key, effectiveFrom, settings!, request.Reason);
        return await api.ChangeAsync(context, caller, request, request.RequestId, async token =>
        {
            var version = await api.AskAsync(caller, token, () => Configuration.AddWheelVersionAsync(change), request.Parent,
                FieldPaths.Under("settings", "effective_from", "reason", "changed_by"));
            return version.ToApi();
        });
    }
}
