using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>Asks before a term is deleted (a page and a POST form: no script needed), then deletes it.</summary>
public sealed class TermDeleteModel(Termbase terms, AppDbContext db, CultureCatalog cultures) : TranslationPageModel(db, cultures)
{
    protected override string What => "termbase";

    public Term? Term { get; private set; }
    public string ScreenPath => $"/admin/termbases/{Name}";

    public async Task<IActionResult> OnGetAsync(string termbase, Guid id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(termbase, write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Term = await terms.FindAsync(EnterpriseId, id, cancellationToken);
        return Term is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string termbase, Guid id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(termbase, write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var term = await terms.FindAsync(EnterpriseId, id, cancellationToken);
        var deleted = await terms.DeleteAsync(EnterpriseId, id, cancellationToken);
        if (!deleted.Succeeded)
        {
            return Refused(deleted.Failure!);
        }

        Notice = T.Format("termbase.deleted", term?.Source);
        return Redirect(ScreenPath);
    }
}
