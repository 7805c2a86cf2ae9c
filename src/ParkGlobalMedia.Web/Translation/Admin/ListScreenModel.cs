using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>A resource's own screen: its entries searched and paged (<c>?q=</c>, <c>?p=</c>), and its import form.</summary>
public abstract class ListScreenModel(AppDbContext db, CultureCatalog cultures) : TranslationPageModel(db, cultures)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public abstract ImportForm ImportForm { get; }

    /// <summary>The link to another page of the same search.</summary>
    public virtual string PageLink(int page) => $"{ScreenPath}?q={Uri.EscapeDataString(Q ?? "")}&p={page}";

    /// <summary>Takes the number of entries found, keeps the page number within the pages, and says how many to skip.</summary>
    protected int Paginate(int total)
    {
        Total = total;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        return (PageNumber - 1) * PageSize;
    }
}
