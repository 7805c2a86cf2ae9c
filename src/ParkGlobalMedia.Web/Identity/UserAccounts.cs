using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Identity;

/// <summary>Creates people and their access (CLI verbs, recipes, admin pages all go through here).</summary>
public sealed class UserAccounts(UserManager<AppUser> users, RoleManager<AppRole> roles, AppDbContext db, TimeProvider clock)
{
    public sealed record NewUser(
        string Email,
        string DisplayName,
        string Password,
        IReadOnlyList<string> Roles,
        IReadOnlyList<string> EnterpriseSlugs,
        IReadOnlyList<string> ReviewerCultures,
        string? PreferredCulture = null);

    /// <summary>A strong one-time password (144 random bits), for operators to hand over; the person changes it.</summary>
    public static string GeneratePassword()
    {
        // Identity's policy wants a digit, a lower- and an upper-case letter; a random 24-character string misses the
        // digit about once in sixty, which made operator commands fail now and then. Draw again until it complies.
        while (true)
        {
            var candidate = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
            if (candidate.Any(char.IsDigit) && candidate.Any(char.IsLower) && candidate.Any(char.IsUpper))
            {
                return candidate;
            }
        }
    }

    /// <summary>Makes sure every platform role exists (idempotent).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in ParkGlobalMedia.Identity.Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new AppRole(role)), $"create role {role}");
            }
        }
    }

    /// <summary>Creates the user, or when the e-mail exists already, brings roles and memberships in line (idempotent).</summary>
    public async Task<AppUser> CreateOrUpdateAsync(NewUser request, bool resetPasswordIfExists = false, CancellationToken cancellationToken = default)
    {
        var unknownRoles = request.Roles.Where(r => ParkGlobalMedia.Identity.Roles.Canonical(r) is null).ToList();
        if (unknownRoles.Count > 0)
        {
            throw new ArgumentException($"Unknown role(s): {string.Join(", ", unknownRoles)}. Roles: {string.Join(", ", ParkGlobalMedia.Identity.Roles.All)}.");
        }

        var enterprises = await db.Enterprises.Where(e => request.EnterpriseSlugs.Contains(e.Slug))
            .Select(e => new { e.Id, e.Slug }).ToListAsync(cancellationToken);
        var missing = request.EnterpriseSlugs.Except(enterprises.Select(e => e.Slug), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Unknown enterprise(s): {string.Join(", ", missing)}.");
        }

        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null)
        {
            user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = request.Email,
                Email = request.Email,
                EmailConfirmed = true,
                DisplayName = request.DisplayName,
                PreferredCulture = request.PreferredCulture,
                ReviewerCultures = request.ReviewerCultures.ToList(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, request.Password), $"create user {request.Email}");
        }
        else
        {
            user.DisplayName = request.DisplayName;
            user.ReviewerCultures = request.ReviewerCultures.ToList();
            user.PreferredCulture = request.PreferredCulture ?? user.PreferredCulture;
            Check(await users.UpdateAsync(user), $"update user {request.Email}");
            if (resetPasswordIfExists)
            {
                await ResetPasswordAsync(request.Email, request.Password);
            }
        }

        var canonicalRoles = request.Roles.Select(r => ParkGlobalMedia.Identity.Roles.Canonical(r)!).ToList();
        var current = await users.GetRolesAsync(user);
        var toAdd = canonicalRoles.Except(current).ToList();
        if (toAdd.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, toAdd), $"add roles to {request.Email}");
        }

        var existing = await db.EnterpriseMemberships.Where(m => m.UserId == user.Id).Select(m => m.EnterpriseId).ToListAsync(cancellationToken);
        foreach (var enterprise in enterprises.Where(e => !existing.Contains(e.Id)))
        {
            db.EnterpriseMemberships.Add(new EnterpriseMembership { UserId = user.Id, EnterpriseId = enterprise.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }

        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Sets exactly these roles, memberships and review cultures (the admin users page), removing the rest.</summary>
    public async Task SetAccessAsync(Guid userId, IReadOnlyList<string> roleNames, IReadOnlyList<Guid> enterpriseIds, IReadOnlyList<string> reviewerCultures, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new ArgumentException($"No user {userId}.");
        var wanted = roleNames.Select(r => ParkGlobalMedia.Identity.Roles.Canonical(r) ?? throw new ArgumentException($"Unknown role {r}.")).ToList();
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted).ToList()), $"remove roles of {user.Email}");
        Check(await users.AddToRolesAsync(user, wanted.Except(current).ToList()), $"add roles to {user.Email}");
        user.ReviewerCultures = reviewerCultures.ToList();
        Check(await users.UpdateAsync(user), $"update {user.Email}");
        // A change of access must end sessions that were signed in with the old one.
        Check(await users.UpdateSecurityStampAsync(user), $"refresh sessions of {user.Email}");

        var memberships = await db.EnterpriseMemberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        db.EnterpriseMemberships.RemoveRange(memberships.Where(m => !enterpriseIds.Contains(m.EnterpriseId)));
        foreach (var enterpriseId in enterpriseIds.Where(id => memberships.All(m => m.EnterpriseId != id)))
        {
            db.EnterpriseMemberships.Add(new EnterpriseMembership { UserId = userId, EnterpriseId = enterpriseId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResetPasswordAsync(string email, string newPassword)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new ArgumentException($"No user with e-mail {email}.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword), $"reset password of {email}");
        // A reset also lifts a lockout: the person proved control through the operator.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new ArgumentException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
