using System.ComponentModel;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Enterprises;

/// <summary>The editable shape of an enterprise and its site settings.</summary>
public sealed record EnterpriseInput(
    string? Slug,
    Dictionary<string, string>? Names,
    Dictionary<string, string>? Park,
    Dictionary<string, string>? IndustryChain,
    Dictionary<string, string>? Profile,
    List<string>? Cultures,
    string? DefaultCulture,
    Dictionary<string, List<string>>? FallbackChain,
    string? Theme,
    string? CustomHost,
    [property: Description("The enterprise's profiles on overseas networks, in display order: network is one of linkedin, x, facebook, youtube, instagram, tiktok, wechat, weibo, website; url an absolute https URL (http also for website) of at most 500 characters; one link per network, at most 12. Omitted or null means none.")]
    List<SocialLinkInput>? SocialLinks = null);

public sealed record EnterpriseView(
    string Slug,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string> Park,
    IReadOnlyDictionary<string, string> IndustryChain,
    IReadOnlyDictionary<string, string> Profile,
    IReadOnlyList<string> Cultures,
    string DefaultCulture,
    IReadOnlyDictionary<string, List<string>> FallbackChain,
    string Theme,
    string? CustomHost,
    IReadOnlyList<SocialLink> SocialLinks,
    string ETag)
{
    public static EnterpriseView From(Enterprise e) =>
        new(e.Slug, e.Names, e.Park, e.IndustryChain, e.Profile, e.Cultures, e.DefaultCulture, e.FallbackChain, e.Theme, e.CustomHost, e.SocialLinks, $"\"e{e.Revision}\"");
}

public sealed partial class EnterpriseService(AppDbContext db, CultureCatalog cultures, IThemeCatalog themes, TimeProvider clock)
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex HostPattern();

    /// <summary>URL segments the platform itself uses; an enterprise slug must not shadow them.</summary>
    private static readonly string[] ReservedSlugs = ["api", "admin", "openapi", "healthz", "sitemap", "robots", "static", "media", "h5", "assets", "feed", "new", "themes", "_framework"];

    /// <summary>
    /// Whether a URL segment can name an enterprise site: the slug shape, and not a platform path or a culture code.
    /// Public routes (/{enterprise}/...) use it as a constraint so they never capture /api, /admin, /media, /h5 ...
    /// </summary>
    public static bool CouldBeSlug(string? segment) =>
        segment is { Length: > 0 and <= 80 } && SlugPattern().IsMatch(segment) && !IsReserved(segment);

    private static bool IsReserved(string slug) => ReservedSlugs.Contains(slug) || Culture.Normalize(slug) is not null;

    public async Task<Outcome<Enterprise>> CreateAsync(CallerContext caller, EnterpriseInput input, CancellationToken cancellationToken = default)
    {
        if (!ContentPermissions.CanManagePlatform(caller))
        {
            return Failure.Forbidden("Only a platform admin may add member enterprises.");
        }

        var enterprise = new Enterprise { Id = Guid.CreateVersion7(), Slug = input.Slug ?? "", DefaultCulture = "", CreatedAt = Now, UpdatedAt = Now };
        var errors = await ApplyAsync(enterprise, input, isNew: true, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(cancellationToken);
        return enterprise;
    }

    public async Task<Outcome<Enterprise>> UpdateAsync(CallerContext caller, string slug, EnterpriseInput input, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (enterprise is null)
        {
            return Failure.NotFound($"Enterprise '{slug}' does not exist.");
        }

        if (!ContentPermissions.CanManageEnterprise(caller))
        {
            return Failure.Forbidden("Only a platform admin or centre curator may change an enterprise's settings.");
        }

        if (StoryETags.CheckIfMatch(ifMatch, EnterpriseView.From(enterprise).ETag, "enterprise") is { } stale)
        {
            return stale;
        }

        var errors = await ApplyAsync(enterprise, input with { Slug = enterprise.Slug }, isNew: false, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        enterprise.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Stale("Someone else changed this enterprise at the same moment; reload and try again.");
        }

        return enterprise;
    }

    /// <summary>Validates the whole input and copies it onto the entity only when all of it is valid.</summary>
    internal async Task<ValidationErrors> ApplyAsync(Enterprise enterprise, EnterpriseInput input, bool isNew, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var enabled = (await cultures.AllAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        if (isNew)
        {
            if (input.Slug is null || input.Slug.Length > 80 || !SlugPattern().IsMatch(input.Slug))
            {
                errors.Add("slug", "slug must be lowercase ASCII letters and digits separated by single hyphens, at most 80 characters.");
            }
            else if (IsReserved(input.Slug))
            {
                errors.Add("slug", $"'{input.Slug}' is reserved (a platform path or a culture code).");
            }
            else if (await db.Enterprises.AnyAsync(e => e.Slug == input.Slug, cancellationToken))
            {
                errors.Add("slug", $"An enterprise with slug '{input.Slug}' exists already.");
            }
        }

        var siteCultures = (input.Cultures ?? []).Select(c => Culture.Normalize(c) ?? c).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (siteCultures.Count == 0)
        {
            errors.Add("cultures", "An enterprise site needs at least one culture.");
        }

        foreach (var culture in siteCultures.Where(c => !enabled.Contains(c)))
        {
            errors.Add("cultures", $"'{culture}' is not a culture enabled on this platform.");
        }

        var defaultCulture = Culture.Normalize(input.DefaultCulture) ?? input.DefaultCulture;
        if (defaultCulture is null || !siteCultures.Contains(defaultCulture, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("defaultCulture", $"defaultCulture must be one of the site's cultures ({string.Join(", ", siteCultures)}).");
        }

        var names = input.Names ?? [];
        if (names.Count == 0 || names.Values.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("names", "names needs a display name per culture, at least one.");
        }

        ValidateTexts("names", names, 200, enabled, errors);
        ValidateTexts("park", input.Park, 200, enabled, errors);
        ValidateTexts("industryChain", input.IndustryChain, 200, enabled, errors);
        ValidateTexts("profile", input.Profile, 5000, enabled, errors);

        var chain = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (from, to) in input.FallbackChain ?? [])
        {
            var key = Culture.Normalize(from);
            var targets = to.Select(t => Culture.Normalize(t) ?? t).ToList();
            if (key is null)
            {
                errors.Add("fallbackChain", $"'{from}' is not a valid culture code.");
                continue;
            }

            foreach (var target in targets.Where(t => !enabled.Contains(t)))
            {
                errors.Add("fallbackChain", $"Fallback '{target}' for {key} is not a culture enabled on this platform.");
            }

            if (targets.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("fallbackChain", $"{key} cannot fall back to itself.");
            }

            chain[key] = targets;
        }

        var theme = string.IsNullOrWhiteSpace(input.Theme) ? "default" : input.Theme;
        if (theme.Length > 60 || !SlugPattern().IsMatch(theme))
        {
            errors.Add("theme", "theme must be a theme folder name (lowercase letters, digits, hyphens).");
        }
        else if (!themes.Installed.Contains(theme, StringComparer.Ordinal))
        {
            errors.Add("theme", $"Theme '{theme}' is not installed; installed themes: {string.Join(", ", themes.Installed)}.");
        }

        var host = string.IsNullOrWhiteSpace(input.CustomHost) ? null : input.CustomHost.Trim().ToLowerInvariant();
        if (host is not null)
        {
            if (!HostPattern().IsMatch(host))
            {
                errors.Add("customHost", $"'{host}' is not a host name (like stories.example.com).");
            }
            else if (await db.Enterprises.AnyAsync(e => e.CustomHost == host && e.Id != enterprise.Id, cancellationToken))
            {
                errors.Add("customHost", $"Host '{host}' is used by another enterprise.");
            }
        }

        var socialLinks = SocialNetworks.Validate(input.SocialLinks, errors);

        if (!errors.IsEmpty)
        {
            return errors;
        }

        enterprise.Names = new Dictionary<string, string>(names);
        enterprise.Park = new Dictionary<string, string>(input.Park ?? []);
        enterprise.IndustryChain = new Dictionary<string, string>(input.IndustryChain ?? []);
        enterprise.Profile = new Dictionary<string, string>(input.Profile ?? []);
        enterprise.Cultures = siteCultures;
        enterprise.DefaultCulture = defaultCulture!;
        enterprise.FallbackChain = new Dictionary<string, List<string>>(chain);
        enterprise.Theme = theme;
        enterprise.CustomHost = host;
        enterprise.SocialLinks = socialLinks;
        return errors;
    }

    private static void ValidateTexts(string field, Dictionary<string, string>? texts, int maxLength, HashSet<string> enabled, ValidationErrors errors)
    {
        foreach (var (culture, text) in texts ?? [])
        {
            if (!enabled.Contains(culture))
            {
                errors.Add(field, $"{field} has text for '{culture}', which is not a culture enabled on this platform.");
            }

            errors.MaxLength($"{field}.{culture}", text, maxLength);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
