namespace ParkGlobalMedia.Content.Enterprises;

/// <summary>
/// The themes an enterprise site may use. The sites own themes (their templates and stylesheets, Sites/ThemeViews);
/// enterprise settings only need their names, so Content asks through this interface and Sites answers it — the
/// same shape as <see cref="Stories.IStoryAssetPolicy"/>. Content never references Sites (Sites renders Content, not
/// the other way round), and passing the list in from every caller (API, admin page, recipe step) would repeat the
/// lookup in three places and let one of them forget it.
/// </summary>
public interface IThemeCatalog
{
    /// <summary>Theme folder names, the default theme first.</summary>
    IReadOnlyList<string> Installed { get; }
}

/// <summary>For hosts without the public sites: only the default theme exists.</summary>
public sealed class DefaultThemeOnly : IThemeCatalog
{
    public IReadOnlyList<string> Installed { get; } = ["default"];
}
