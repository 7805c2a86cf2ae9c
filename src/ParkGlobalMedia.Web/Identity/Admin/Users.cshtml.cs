using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Identity.Admin;

/// <summary>Platform admins manage people: create (password shown once), set roles, memberships and review cultures, reset passwords.</summary>
public sealed class UsersModel(AppDbContext db, UserAccounts accounts, UserManager<AppUser> users, CultureCatalog cultures) : AdminPageModel
{
    public sealed record Row(AppUser User, IReadOnlyList<string> Roles, IReadOnlyList<string> Enterprises, bool LockedOut);

    public List<Row> Rows { get; private set; } = [];
    public List<Enterprise> Enterprises { get; private set; } = [];
    public IReadOnlyList<Culture> Cultures { get; private set; } = [];
    public string? OneTimePassword { get; private set; }
    public string? OneTimePasswordFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ContentPermissions.CanManagePlatform(await CallerAsync()))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? displayName, string[]? roles, Guid[]? enterprises, string[]? reviewerCultures, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.CanManagePlatform(await CallerAsync()))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            Errors.Add(T["users.emailRequired"]);
        }
        else if (await users.FindByEmailAsync(email.Trim()) is not null)
        {
            Errors.Add(T.Format("users.exists", email.Trim()));
        }
        else
        {
            try
            {
                var slugs = await db.Enterprises.Where(e => (enterprises ?? Array.Empty<Guid>()).Contains(e.Id)).Select(e => e.Slug).ToListAsync(cancellationToken);
                var password = UserAccounts.GeneratePassword();
                await accounts.CreateOrUpdateAsync(new UserAccounts.NewUser(email.Trim(), string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim(),
                    password, roles ?? [], slugs, reviewerCultures ?? []), cancellationToken: cancellationToken);
                (OneTimePassword, OneTimePasswordFor) = (password, email.Trim());
            }
            catch (ArgumentException exception)
            {
                Errors.Add(exception.Message);
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAccessAsync(Guid userId, string[]? roles, Guid[]? enterprises, string[]? reviewerCultures, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        if (!ContentPermissions.CanManagePlatform(caller))
        {
            return Forbid();
        }

        if (userId == caller.UserId && !(roles ?? []).Contains(Roles.Admin))
        {
            // Nobody can lock the platform out of its last way in by accident.
            Errors.Add(T["users.keepOwnAdmin"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await accounts.SetAccessAsync(userId, roles ?? [], enterprises ?? [], reviewerCultures ?? [], cancellationToken);
        }
        catch (ArgumentException)
        {
            return NotFoundPage();
        }

        Notice = T["users.saved"];
        return Redirect("/admin/users");
    }

    public async Task<IActionResult> OnPostResetAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.CanManagePlatform(await CallerAsync()))
        {
            return Forbid();
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user?.Email is null)
        {
            return NotFoundPage();
        }

        var password = UserAccounts.GeneratePassword();
        await accounts.ResetPasswordAsync(user.Email, password);
        await users.UpdateSecurityStampAsync(user);
        (OneTimePassword, OneTimePasswordFor) = (password, user.Email);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        Cultures = await cultures.AllAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleRows = await (from userRole in db.UserRoles join role in db.Roles on userRole.RoleId equals role.Id select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var memberships = await db.EnterpriseMemberships.AsNoTracking().ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        Rows = people.Select(u => new Row(
            u,
            roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            memberships.Where(m => m.UserId == u.Id).Select(m => Enterprises.First(e => e.Id == m.EnterpriseId).Slug).Order().ToList(),
            u.LockoutEnd > now)).ToList();
    }
}
