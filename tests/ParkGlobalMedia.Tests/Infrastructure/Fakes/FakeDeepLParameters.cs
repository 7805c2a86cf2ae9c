using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>
/// DeepL request parameters from either body DeepL accepts: JSON (arrays stay arrays, scalars become one value) or
/// <c>application/x-www-form-urlencoded</c> (a repeated name gives several values).
/// </summary>
public sealed class FakeDeepLParameters
{
    private readonly Dictionary<string, List<string>> _values;

    private FakeDeepLParameters(Dictionary<string, List<string>> values) => _values = values;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    /// <summary>The value of a single-valued parameter; null when absent or empty.</summary>
    public string? One(string name) => All(name) is [var value, ..] && value.Length > 0 ? value : null;

    public static (FakeDeepLParameters? Parameters, string? Error) Read(string? contentType, byte[] body)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType : null;
        if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
            return (new FakeDeepLParameters(form.ToDictionary(pair => pair.Key, pair => pair.Value.OfType<string>().ToList(), StringComparer.Ordinal)), null);
        }

        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Invalid Content-Type: send application/json or application/x-www-form-urlencoded.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request body must be a JSON object.");
            }

            var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Array => [.. property.Value.EnumerateArray().Select(Scalar)],
                    JsonValueKind.Null => [],
                    _ => [Scalar(property.Value)],
                };
            }

            return (new FakeDeepLParameters(values), null);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }
    }

    private static string Scalar(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}
