using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Api.Calls;

/// <summary>
/// Pages of lists (common.proto): <c>page_size</c> 0 means 50, larger than 500 is lowered to 500,
/// negative is INVALID_ARGUMENT; <c>page_token</c> is opaque and only valid with the same request
/// otherwise (it carries a fingerprint of the request's filter fields).
/// </summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static int Size(int requested) => requested switch
    {
        < 0 => throw GrpcErrors.InvalidArgument("page_size must not be negative.", ("page_size", "must be 0 (default) to 500")),
        0 => DefaultSize,
        > MaxSize => MaxSize,
        _ => requested,
    };

    /// <summary>A page of an in-memory list, and the token of the next page ("" when this is the last).</summary>
    public static (List<T> Items, string NextToken) Slice<T>(IReadOnlyList<T> all, int pageSize, string pageToken, params object?[] filter)
    {
        var size = Size(pageSize);
        var fingerprint = Fingerprint(filter);
        var offset = pageToken.Length == 0 ? 0 : Offset(pageToken, fingerprint);
        if (offset > all.Count) throw BadToken("is past the end of the list");
        var items = all.Skip(offset).Take(size).ToList();
        var next = offset + items.Count < all.Count ? Token(offset + items.Count, fingerprint) : "";
        return (items, next);
    }

    /// <summary>A token holding a key (e.g. the last unit id of the page) for lists paged by key.</summary>
    public static string KeyToken(string key, params object?[] filter) => Encode($"k{Fingerprint(filter)}:{key}");

    /// <summary>The key of a <see cref="KeyToken"/>; null for an empty token.</summary>
    public static string? ReadKeyToken(string pageToken, params object?[] filter)
    {
        if (pageToken.Length == 0) return null;
        var text = Decode(pageToken);
        var prefix = $"k{Fingerprint(filter)}:";
        return text is not null && text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : throw BadToken("does not belong to this request");
    }

    private static string Token(int offset, string fingerprint) => Encode($"o{fingerprint}:{offset.ToString(CultureInfo.InvariantCulture)}");

    private static int Offset(string token, string fingerprint)
    {
        var text = Decode(token);
        var prefix = $"o{fingerprint}:";
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal)) throw BadToken("does not belong to this request");
        return int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : throw BadToken("is malformed");
    }

    private static string Fingerprint(object?[] filter)
    {
        var text = string.Join("\u001f", filter.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture) ?? ""));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 6);
    }

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string? Decode(string token)
    {
        if (token.Length > 1024) return null;
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static GrpcStatusException BadToken(string why) =>
        GrpcErrors.InvalidArgument($"page_token {why}.", ("page_token", $"{why}; pass the next_page_token of the previous page of the same request"));
}
