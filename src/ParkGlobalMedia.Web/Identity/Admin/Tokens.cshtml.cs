using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Admin;

namespace ParkGlobalMedia.Identity.Admin;

/// <summary>Personal access tokens: create (secret shown once), list, revoke.</summary>
public sealed class TokensModel(ApiTokenService tokens) : AdminPageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync((await CallerAsync()).UserId!.Value, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string[]? scopes, int days, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        try
        {
            var issued = await tokens.IssueAsync(caller.UserId!.Value, name ?? "", scopes ?? [], TimeSpan.FromDays(days), cancellationToken);
            // Rendered in this response only (no redirect): the secret must never sit in TempData or a URL.
            NewSecret = issued.Secret;
        }
        catch (ArgumentException exception)
        {
            Errors.Add(exception.Message.Split(" (Parameter", 2)[0]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeAsync((await CallerAsync()).UserId!.Value, tokenId, cancellationToken))
        {
            return NotFoundPage();
        }

        Notice = T["tokens.revoked"];
        return Redirect("/admin/tokens");
    }
}
