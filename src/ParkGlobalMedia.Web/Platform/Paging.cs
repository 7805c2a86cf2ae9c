namespace ParkGlobalMedia.Platform;

/// <summary>The page and page size of a list request, checked the same way by every list in the API.</summary>
public static class Paging
{
    /// <summary>The page (from 1) and page size to use; problems go into <paramref name="errors"/> under "page" and "pageSize".</summary>
    public static (int Page, int PageSize) Read(int? page, int? pageSize, int defaultPageSize, int maxPageSize, ValidationErrors errors)
    {
        var (p, size) = (page ?? 1, pageSize ?? defaultPageSize);
        if (p < 1)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (size is < 1 || size > maxPageSize)
        {
            errors.Add("pageSize", $"pageSize must be between 1 and {maxPageSize}.");
        }

        return (p, size);
    }
}
