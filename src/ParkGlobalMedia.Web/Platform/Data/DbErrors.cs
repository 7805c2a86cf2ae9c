using Microsoft.EntityFrameworkCore;

namespace ParkGlobalMedia.Platform.Data;

/// <summary>Recognises provider errors that are expected outcomes of a race rather than bugs.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row (SQLite "UNIQUE constraint failed", PostgreSQL 23505 "duplicate key").</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true ||
        exception.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
