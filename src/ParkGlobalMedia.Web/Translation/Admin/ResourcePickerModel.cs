using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>
/// The termbases or memories the caller can open: the shared one, then each enterprise whose drafts they read (the
/// centre's staff: all), with whether they may change it — the same rules as <see cref="TranslationResources"/>.
/// </summary>
public abstract class ResourcePickerModel(AppDbContext db) : AdminPageModel
{
    public sealed record Entry(string Name, string? Slug, bool CanWrite);

    /// <summary>"termbase" or "memory": the text keys' prefix and the screens' path.</summary>
    public abstract string What { get; }

    public string Path => TranslationPageModel.PickerPathOf(What);

    public List<Entry> Entries { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var ui = System.Globalization.CultureInfo.CurrentUICulture.Name;
        Entries.Add(new Entry(T[$"{What}.shared"], null, TranslationResources.MayWrite(caller, null)));
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        Entries.AddRange(enterprises.Where(e => TranslationResources.MayRead(caller, e.Id))
            .Select(e => new Entry(e.DisplayName(ui), e.Slug, TranslationResources.MayWrite(caller, e.Id))));
    }
}

public sealed class TermbasesModel(AppDbContext db) : ResourcePickerModel(db)
{
    public override string What => "termbase";
}

public sealed class MemoriesModel(AppDbContext db) : ResourcePickerModel(db)
{
    public override string What => "memory";
}
