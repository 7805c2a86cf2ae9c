using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>The upload form of an import, on the resource's screen and again on the import page after a refusal.</summary>
public sealed record ImportForm(string What, string Action, IReadOnlyList<string> Formats, string? Selected, long MaxBytes);

/// <summary>
/// A file import (all or nothing, by the service). The declared size is checked before the body is read and the
/// antiforgery token after, by hand: read first, a file over the limit would only fail the token check with a bare
/// 400, where the person should read the file's size and the limit. Pages deriving from this bind nothing for the
/// same reason (binding reads the form).
/// </summary>
public abstract class ImportPageModel(AppDbContext db, CultureCatalog cultures, IAntiforgery antiforgery) : TranslationPageModel(db, cultures)
{
    /// <summary>The API's limit on request bodies, so a file that imports here imports there too.</summary>
    public const long MaxBytes = ProblemHandling.MaxRequestBodyBytes;

    public abstract IReadOnlyList<string> Formats { get; }

    public string? Format { get; private set; }

    public ImportForm Form => ImportFormFor(Formats, Format);

    protected abstract Task<Outcome<int>> ImportAsync(string format, Stream file, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await OpenAsync(write: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Request.ContentLength is > MaxBytes and var length)
        {
            return TooLarge(T.Format($"{What}.tooLarge", length, MaxBytes));
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(T.Format($"{What}.tooLargeUnknown", MaxBytes)); // sent without a declared length
        }
        catch (InvalidDataException)
        {
            return Refused(Failure.Invalid("file", T[$"{What}.unreadable"]));
        }

        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest(); // the admin's error page, as for every other form
        }

        Format = form["format"].ToString();
        var file = form.Files.GetFile("file");
        if (!Formats.Contains(Format))
        {
            return Refused(Failure.Invalid("format", T.Format($"{What}.unknownFormat", Format, string.Join(", ", Formats))));
        }

        if (file is null || file.Length == 0)
        {
            return Refused(Failure.Invalid("file", T[$"{What}.noFile"]));
        }

        await using var stream = file.OpenReadStream();
        var imported = await ImportAsync(Format, stream, cancellationToken);
        if (!imported.Succeeded)
        {
            Errors.Add(T.Format($"{What}.importRefused", file.FileName));
            return Refused(imported.Failure!);
        }

        Notice = T.Format($"{What}.imported", imported.Value, file.FileName);
        return Redirect(ScreenPath);
    }

    private IActionResult TooLarge(string message)
    {
        Errors.Add(message);
        Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Page();
    }
}
