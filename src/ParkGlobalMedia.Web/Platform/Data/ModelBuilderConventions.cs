using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ParkGlobalMedia.Platform.Data;

/// <summary>Column mappings shared by every capability's entity configurations.</summary>
public static class ModelBuilderConventions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Stores a small dictionary (per-culture names, fallback chains) as one JSON text column. These values are read
    /// and written whole with their owner and never queried inside, so a side table would only add joins.
    /// </summary>
    public static PropertyBuilder<Dictionary<string, TValue>> HasJsonConversion<TValue>(
        this PropertyBuilder<Dictionary<string, TValue>> property)
    {
        var converter = new ValueConverter<Dictionary<string, TValue>, string>(
            value => JsonSerializer.Serialize(value, Json),
            text => JsonSerializer.Deserialize<Dictionary<string, TValue>>(text, Json) ?? new Dictionary<string, TValue>());
        var comparer = new ValueComparer<Dictionary<string, TValue>>(
            (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
            value => JsonSerializer.Deserialize<Dictionary<string, TValue>>(JsonSerializer.Serialize(value, Json), Json)!);
        property.HasConversion(converter, comparer).HasColumnType("text").IsRequired();
        return property;
    }

    /// <summary>Same as <see cref="HasJsonConversion{TValue}"/> for ordered lists (enabled cultures).</summary>
    public static PropertyBuilder<List<string>> HasJsonConversion(this PropertyBuilder<List<string>> property)
    {
        var converter = new ValueConverter<List<string>, string>(
            value => JsonSerializer.Serialize(value, Json),
            text => JsonSerializer.Deserialize<List<string>>(text, Json) ?? new List<string>());
        var comparer = new ValueComparer<List<string>>(
            (a, b) => a!.SequenceEqual(b!),
            value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
            value => value.ToList());
        property.HasConversion(converter, comparer).HasColumnType("text").IsRequired();
        return property;
    }

    /// <summary>Same for ordered lists of small records (an enterprise's social links); records compare by value.</summary>
    public static PropertyBuilder<List<TItem>> HasJsonConversion<TItem>(this PropertyBuilder<List<TItem>> property)
        where TItem : class
    {
        var converter = new ValueConverter<List<TItem>, string>(
            value => JsonSerializer.Serialize(value, Json),
            text => JsonSerializer.Deserialize<List<TItem>>(text, Json) ?? new List<TItem>());
        var comparer = new ValueComparer<List<TItem>>(
            (a, b) => a!.SequenceEqual(b!),
            value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
            value => value.ToList());
        property.HasConversion(converter, comparer).HasColumnType("text").IsRequired();
        return property;
    }

    /// <summary>Every timestamp is UTC. SQLite hands DateTime back as Unspecified; this restores the kind on read.</summary>
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
