using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Settings;

namespace ParkGlobalMedia.Assets.Delivery;

/// <summary>
/// Signs on-demand rendition URLs with HMAC-SHA256, so only sizes the platform itself handed out are rendered (the
/// lesson from Orchard Core's tokenised resize URLs: unsigned sizes let anyone make the server render without end).
/// The key is random, shared by all instances through the settings table, and stored encrypted with Data Protection.
/// </summary>
public sealed class MediaUrlSigner(IServiceScopeFactory scopes, IDataProtectionProvider protection)
{
    private const string SettingKey = "assets.url-signing-key";
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    public async Task<string> SignAsync(string path, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(path)), 0, 16)
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public async Task<bool> VerifyAsync(string path, string? signature, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64)
        {
            return false;
        }

        var expected = await SignAsync(path, cancellationToken);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_key is null)
            {
                var protector = protection.CreateProtector("ParkGlobalMedia.Assets.MediaUrlSigner");
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var stored = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == SettingKey, cancellationToken);
                if (stored is null)
                {
                    db.Settings.Add(new PlatformSetting
                    {
                        Key = SettingKey,
                        Value = System.Text.Json.JsonSerializer.Serialize(protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))),
                        UpdatedAt = DateTime.UtcNow,
                    });
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
                    {
                        // Another instance created the key at the same moment: use theirs.
                        db.ChangeTracker.Clear();
                    }

                    stored = await db.Settings.AsNoTracking().FirstAsync(s => s.Key == SettingKey, cancellationToken);
                }

                _key = Convert.FromBase64String(protector.Unprotect(System.Text.Json.JsonSerializer.Deserialize<string>(stored.Value)!));
            }

            return _key;
        }
        finally
        {
            _loading.Release();
        }
    }
}
