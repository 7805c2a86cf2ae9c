using System.ComponentModel.DataAnnotations;

namespace ParkGlobalMedia.Assets.Storage;

public enum StorageProvider
{
    FileSystem,
    S3,
}

/// <summary>Where blobs are kept. The file system needs nothing; S3 is for several instances sharing media.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    /// <summary>For the file system: the folder, default {data folder}/blobs.</summary>
    public string? Folder { get; set; }

    public S3StorageOptions S3 { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != StorageProvider.S3)
        {
            yield break;
        }

        if (!Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Storage:S3:ServiceUrl must be an absolute URL when Storage:Provider is S3.", ["S3.ServiceUrl"]);
        }

        if (string.IsNullOrWhiteSpace(S3.Bucket) || string.IsNullOrWhiteSpace(S3.AccessKey) || string.IsNullOrWhiteSpace(S3.SecretKey))
        {
            yield return new ValidationResult("Storage:S3 needs Bucket, AccessKey and SecretKey when Storage:Provider is S3.", ["S3"]);
        }
    }
}

public sealed class S3StorageOptions
{
    public string? ServiceUrl { get; set; }
    public string? Bucket { get; set; }
    public string Region { get; set; } = "us-east-1";
    public string? AccessKey { get; set; }

    /// <summary>Supply through an environment variable or a secret store, never in a committed file.</summary>
    public string? SecretKey { get; set; }
}
