using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Api;

public sealed class ApiSurfaceTests
{
    [Fact]
    public void EveryDeclaredMethodHasExactlyOneAccessRule()
    {
        var declared = TilsynApi.Methods.Select(m => $"{m.Service.FullName}/{m.Name}").ToHashSet();

        Assert.Equal(declared.Order(), ApiMethodAccess.Actions.Keys.Order());
    }

    [Fact]
    public void TheServicesAreDeclaredInPackageTilsynV1()
    {
        var services = TilsynApi.Files.SelectMany(f => f.Services).Select(s => s.FullName).Order();

        Assert.Equal(
            ["tilsyn.v1.Administration", "tilsyn.v1.Areas", "tilsyn.v1.DataPackages", "tilsyn.v1.Inbox", "tilsyn.v1.Loops", "tilsyn.v1.Operations", "tilsyn.v1.Reports", "tilsyn.v1.Units"],
            services);
        Assert.All(TilsynApi.Files, f => Assert.Equal(TilsynApi.Package, f.Package));
    }

    [Fact]
    public void EveryCreateOrChangeCarriesAnIdempotencyKey()
    {
        var reads = new[] { "Get", "List", "Watch", "Render" };
        var changes = TilsynApi.Methods.Where(m => !reads.Any(r => m.Name.StartsWith(r, StringComparison.Ordinal)));

        Assert.All(changes, m => Assert.NotNull(m.InputType.FindFieldByName("request_id")));
    }

    [Fact]
    public void EveryListIsPaginatedUnlessItIsBoundedByOneParent()
    {
        var lists = TilsynApi.Methods.Where(m => m.Name.StartsWith("List", StringComparison.Ordinal) && m.Name != "ListBoardStatements");

        Assert.All(lists, m =>
        {
            Assert.NotNull(m.InputType.FindFieldByName("page_size"));
            Assert.NotNull(m.InputType.FindFieldByName("page_token"));
            Assert.NotNull(m.OutputType.FindFieldByName("next_page_token"));
        });
    }

    [Fact]
    public void EveryEnumStartsWithUnspecifiedZero()
    {
        var enums = TilsynApi.Files.SelectMany(f => f.EnumTypes);

        Assert.All(enums, e => Assert.EndsWith("_UNSPECIFIED", e.FindValueByNumber(0).Name));
    }

    [Fact]
    public void EveryMethodHasAnAccessRuleAndAJsonRouteOnItsGrpcPath()
    {
        Assert.All(TilsynApi.Methods, method =>
        {
            Assert.True(ApiMethodAccess.TryGetAction(method.Service.FullName, method.Name, out _), $"{method.FullName} has no access rule");
            var rule = method.GetOptions().GetExtension(Google.Api.AnnotationsExtensions.Http);
            Assert.Equal(($"/{method.Service.FullName}/{method.Name}", "*"), (rule.Post, rule.Body));
        });
    }

    [Fact]
    public void ResourceNamesParseFormatAndRejectWithAFieldViolation()
    {
        var values = ResourceNames.Conversation.Parse("units/strandens-dagtilbud/loop/conversations/2025-Spring", "name");

        Assert.Equal("strandens-dagtilbud", values["unit"]);
        Assert.Equal("2025-Spring", values["period"]);
        Assert.Equal("units/x/loop/oneToOnes/2025-Spring.2", ResourceNames.OneToOne.Format("x", "2025-Spring.2"));
        Assert.False(ResourceNames.Unit.TryParse("units/", out _));
        Assert.False(ResourceNames.Unit.TryParse("units/a/b", out _));
        Assert.False(ResourceNames.Loop.TryParse("units/a/loops", out _));
        var error = Assert.Throws<GrpcStatusException>(() => ResourceNames.Unit.Parse("unit/a", "name"));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(error.Details));
        Assert.Equal("name", badRequest.FieldViolations[0].Field);
    }
}
