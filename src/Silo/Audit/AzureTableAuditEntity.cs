using Azure.Data.Tables;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>
/// An audit event as a table entity. The instant is stored as UTC ticks (exact: the comparison that makes appending
/// idempotent needs what was stored back to the tick); null actor "on behalf of" and detail are left out.
/// </summary>
internal static class AzureTableAuditEntity
{
    public static TableEntity From(AuditEvent e)
    {
        var entity = new TableEntity(AzureTableAuditKeys.PartitionKey(e.Grain), AzureTableAuditKeys.RowKey(e.Version))
        {
            ["AtUtcTicks"] = e.At.UtcTicks,
            ["PersonId"] = e.Actor.PersonId,
            ["DisplayName"] = e.Actor.DisplayName,
            ["Role"] = e.Actor.Role,
            ["RoleId"] = e.Actor.RoleId,
            ["Command"] = e.Command,
            ["Outcome"] = e.Outcome,
        };
        if (e.Actor.OnBehalfOf is not null) entity["OnBehalfOf"] = e.Actor.OnBehalfOf;
        if (e.Detail is not null) entity["Detail"] = e.Detail;
        return entity;
    }

    public static AuditEvent ToEvent(TableEntity entity) => new(
        AzureTableAuditKeys.Grain(entity.PartitionKey),
        AzureTableAuditKeys.Version(entity.RowKey),
        new DateTimeOffset(Required(entity.GetInt64("AtUtcTicks"), entity, "AtUtcTicks"), TimeSpan.Zero),
        new AuditActor(
            Required(entity.GetString("PersonId"), entity, "PersonId"),
            Required(entity.GetString("DisplayName"), entity, "DisplayName"),
            Required(entity.GetString("Role"), entity, "Role"),
            Required(entity.GetString("RoleId"), entity, "RoleId"),
            entity.GetString("OnBehalfOf")),
        Required(entity.GetString("Command"), entity, "Command"),
        Required(entity.GetString("Outcome"), entity, "Outcome"),
        entity.GetString("Detail"));

    private static T Required<T>(T? value, TableEntity entity, string property) where T : notnull =>
        value ?? throw new InvalidDataException($"Audit entity {entity.PartitionKey}/{entity.RowKey} has no {property}.");

    private static long Required(long? value, TableEntity entity, string property) =>
        value ?? throw new InvalidDataException($"Audit entity {entity.PartitionKey}/{entity.RowKey} has no {property}.");
}
