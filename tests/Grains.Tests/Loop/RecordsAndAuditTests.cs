using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Audit;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

public sealed class RecordsAndAuditTests
{
    private static readonly DateTimeOffset HeldAt = new(2023, 5, 10, 9, 0, 0, TimeSpan.Zero);

    private static async Task<IUnitGrain> HeldSpringConversationAsync(LoopHarness h)
    {
        await h.SeedAsync();
        var unit = h.Unit("dt-1");
        await h.AdvanceToAsync(new DateTimeOffset(2023, 4, 20, 9, 0, 0, TimeSpan.Zero));
        await h.Ok(Chief("chief-a"), _ => unit.ScheduleConversationAsync("2023-Spring", HeldAt));
        await h.AdvanceToAsync(HeldAt.AddHours(3));
        await h.Ok(Chief("chief-a"), _ => unit.HoldConversationAsync("2023-Spring", HeldAt));
        return unit;
    }

    [Fact]
    public async Task MinutesAreWriteOnceAndCorrectionsAreNewAttributedVersions()
    {
        await using var h = await LoopHarness.StartAsync();
        var unit = await HeldSpringConversationAsync(h);
        var original = LoopUser.Minutes(new DateOnly(2023, 5, 10));
        await h.Ok(Leader("dt-1"), _ => unit.SubmitMinutesAsync("2023-Spring", original));
        var again = await h.As(Leader("dt-1"), _ => unit.SubmitMinutesAsync("2023-Spring", original));
        Assert.Equal(ProblemKind.AlreadyExists, again.Problem!.Kind);

        await h.AdvanceToAsync(HeldAt.AddDays(2));
        var noReason = await h.As(Chief("chief-a"), _ => unit.CorrectMinutesAsync("2023-Spring", original with { Decision = "Ny" }, " "));
        Assert.True(noReason.Problem!.HasViolation("reason"));
        await h.Ok(Chief("chief-a"), _ => unit.CorrectMinutesAsync("2023-Spring", original with { Decision = "Arbejde med relationsspiralen." }, "Beslutningen var forkert gengivet"));

        var document = await h.Ok(Leader("dt-1"), _ => unit.GetDocumentAsync(DocumentKind.Minutes, "2023-Spring"));
        Assert.Equal([1, 2], document.Versions.Select(v => v.Version));
        Assert.Equal(("leader:leder-dt-1", null, "Arbejde med et fælles fagligt sprog."),
            (document.Versions[0].WrittenBy, document.Versions[0].CorrectionReason, document.Versions[0].Content.Minutes!.Decision));
        Assert.Equal(("chief:chief-a", HeldAt.AddDays(2), "Beslutningen var forkert gengivet", "Arbejde med relationsspiralen."),
            (document.Versions[1].WrittenBy, document.Versions[1].WrittenAt, document.Versions[1].CorrectionReason, document.Versions[1].Content.Minutes!.Decision));
        var direct = await h.Ok(Chief("chief-a"), g => g.GetGrain<IDocumentGrain>(GrainKeys.Document("dt-1", DocumentKind.Minutes, "2023-Spring")).GetAsync());
        Assert.Equal(2, direct.Versions.Length);
        Assert.Equal(2, (await h.Ok(Leader("dt-1"), _ => unit.GetTimelineAsync())).Conversations[0].RecordVersions);
    }

    [Fact]
    public async Task EveryChangeIsAuditedAsThePersonWhoMadeIt()
    {
        await using var h = await LoopHarness.StartAsync();
        var unit = await HeldSpringConversationAsync(h);
        await h.Ok(Leader("dt-1"), _ => unit.SubmitMinutesAsync("2023-Spring", LoopUser.Minutes(new DateOnly(2023, 5, 10))));
        var audit = await h.AuditOf("unit", "dt-1");
        Assert.Contains(audit, e => (e.Command, e.Actor) == ("RegisterUnit", Audited(Admin)));
        Assert.Contains(audit, e => (e.Command, e.Actor) == ("ScheduleConversation", Audited(Chief("chief-a"))));
        Assert.Contains(audit, e => (e.Command, e.Actor, e.At) == ("HoldConversation", Audited(Chief("chief-a")), HeldAt.AddHours(3)));
        Assert.Contains(audit, e => (e.Command, e.Actor) == ("SubmitMinutes", Audited(Leader("dt-1"))));
        Assert.All(audit.Where(e => e.Actor.Role != AuditActor.SystemRole), e => Assert.StartsWith("Testperson ", e.Actor.DisplayName, StringComparison.Ordinal));
        // The schedule's wake-ups are the loop's own agenda, named as such; the window opening is one of their items.
        Assert.Contains(audit, e => e.Actor == Audited(CallerIdentity.Schedule) && e.Detail!.Contains("conversation-window-open:2023-Spring@", StringComparison.Ordinal));
        var document = await h.AuditOf("document", "dt-1/Minutes/2023-Spring");
        Assert.Equal(("AppendMinutes", Audited(Leader("dt-1"))), (Assert.Single(document).Command, document[0].Actor));
    }

    [Fact]
    public async Task ReadersSeeOnlyWhatTheirRoleAllows()
    {
        await using var h = await LoopHarness.StartAsync();
        var unit = await HeldSpringConversationAsync(h);
        await h.Ok(Leader("dt-1"), _ => unit.SubmitMinutesAsync("2023-Spring", LoopUser.Minutes(new DateOnly(2023, 5, 10))));
        var operations = Person("drift-1", "operations");
        Assert.Equal(1, (await h.Ok(operations, _ => unit.GetHealthAsync())).ConversationsHeld);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(operations, _ => unit.GetDocumentAsync(DocumentKind.Minutes, "2023-Spring"))).Problem!.Kind);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(operations, g => g.GetGrain<IDocumentGrain>("dt-1/Minutes/2023-Spring").GetAsync())).Problem!.Kind);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Chief("chief-b"), _ => unit.GetTimelineAsync())).Problem!.Kind);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Board("dt-1"), _ => unit.GetOneToOneAgendaAsync("2023-Spring.1"))).Problem!.Kind);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Chief("chief-b"), _ => unit.HoldOneToOneAsync("2023-Spring.1", h.Now))).Problem!.Kind);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Person("x", "intruder"), _ => unit.GetHealthAsync())).Problem!.Kind);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Leader("dt-1"), g => g.GetGrain<IChiefGrain>("chief-a").GetInboxAsync(new()))).Problem!.Kind);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Board("dt-1"), _ => unit.GetConversationAgendaAsync("2023-Autumn"))).Problem!.Kind);
        var agenda = await h.Ok(Leader("dt-1"), _ => unit.GetConversationAgendaAsync("2023-Autumn"));
        Assert.Equal(["Inddrage ressourcegrupper"], agenda.OpenAgreements.Select(a => a.Action));
    }
}
