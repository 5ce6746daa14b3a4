using System.Globalization;
using System.Text;
using System.Text.Json;
using OrleansTilsyn.Grains.Domain.Demo;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// <c>dotnet run --project src/Gateway -- demo-tokens [--json] [--hours=12] [configuration overrides]</c>:
/// prints a token for each demo identity, signed with the demo mode's local key (created when missing,
/// in the same data folder the gateway uses, so pass the same <c>--Storage:DataDirectory=...</c>). Only in demo
/// mode (<c>Auth:Demo=true</c>, set by the embedded default's appsettings.json).
/// </summary>
public static class DemoTokensCommand
{
    public const string Name = "demo-tokens";
    public const int DefaultHours = 12;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var json = false;
        var hours = DefaultHours;
        var rest = new List<string>();
        foreach (var arg in args.Skip(1))
        {
            if (arg == "--json") json = true;
            else if (arg.StartsWith("--hours=", StringComparison.Ordinal) && int.TryParse(arg["--hours=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is > 0 and <= 24 * 30) hours = h;
            else if (arg.StartsWith("--hours", StringComparison.Ordinal)) { error.WriteLine("--hours=N takes 1-720 hours."); return 2; }
            else rest.Add(arg);
        }

        var builder = WebApplication.CreateBuilder(rest.ToArray());
        AuthStartup auth;
        try
        {
            auth = AuthStartup.Resolve(builder.Configuration, builder.Environment);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"demo-tokens needs demo mode (Auth:Demo=true). {e.Message}");
            return 2;
        }

        if (!auth.Demo)
        {
            error.WriteLine($"demo-tokens needs demo mode (Auth:Demo=true), but Auth is configured for {auth.Options.Mode}: tokens come from that provider.");
            return 2;
        }

        var options = auth.Options;

        var key = LocalSigningKey.LoadOrCreate(SecurityServiceCollectionExtensions.LocalKeyPath(options, builder.Configuration, builder.Environment.ContentRootPath));
        var time = TimeProvider.System;
        var issuer = new LocalTokenIssuer(key, options.EffectiveLocalIssuer, options.Audience, time);
        var lifetime = TimeSpan.FromHours(hours);
        var expires = time.GetUtcNow().Add(lifetime);
        var tokens = DemoIdentities.For(DemoData.Build()).Select(i => new DemoToken(i, issuer.Issue(i, lifetime))).ToArray();
        output.Write(json ? AsJson(issuer, expires, tokens) : AsText(issuer, expires, key, tokens));
        return 0;
    }

    private static string AsJson(LocalTokenIssuer issuer, DateTimeOffset expires, DemoToken[] tokens) =>
        JsonSerializer.Serialize(new
        {
            issuer = issuer.Issuer,
            audience = issuer.Audience,
            expiresAt = expires.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            tokens = tokens.Select(t => new
            {
                label = t.Identity.Label,
                subject = t.Identity.Subject,
                role = CallerClaims.RoleName(t.Identity.Role),
                roleId = t.Identity.RoleId,
                units = t.Identity.Units,
                description = t.Identity.Description,
                token = t.Token,
            }),
        }, Json) + Environment.NewLine;

    private static string AsText(LocalTokenIssuer issuer, DateTimeOffset expires, LocalSigningKey key, DemoToken[] tokens)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Demo tokens signed with the local key {key.Path}");
        text.AppendLine(CultureInfo.InvariantCulture, $"issuer {issuer.Issuer}, audience {issuer.Audience}, valid until {expires:yyyy-MM-ddTHH:mm:ssZ}.");
        text.AppendLine("Send one as the header  authorization: Bearer <token>");
        foreach (var token in tokens)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"# {token.Identity.Label}: {token.Identity.Description}");
            text.AppendLine(token.Token);
        }

        return text.ToString();
    }

    private sealed record DemoToken(TokenIdentity Identity, string Token);
}
