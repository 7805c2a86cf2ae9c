using Microsoft.Extensions.Caching.Memory;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// Rendered story bodies by (version id, culture), in a cache of its own with a size limit (characters), so popular
/// stories skip Markdown rendering and an archive of 50,000 versions cannot grow memory without bound.
/// </summary>
public sealed class RenderedMarkdownCache() : MemoryCache(new MemoryCacheOptions { SizeLimit = 32 * 1024 * 1024 });
