namespace ParkGlobalMedia.Platform;

/// <summary>Why an operation did not happen. Maps one-to-one to an HTTP status and a ProblemDetails body.</summary>
public enum FailureKind
{
    NotFound,
    Validation,
    Conflict,
    Forbidden,
    PreconditionFailed,
    PreconditionRequired,
}

/// <summary>A refused operation, with a message precise enough for the person or client to fix their request.</summary>
public sealed record Failure(FailureKind Kind, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Failure NotFound(string detail) => new(FailureKind.NotFound, "Not found", detail);

    public static Failure Conflict(string detail) => new(FailureKind.Conflict, "Conflict", detail);

    public static Failure Forbidden(string detail) => new(FailureKind.Forbidden, "Forbidden", detail);

    public static Failure Invalid(string field, string message) =>
        new(FailureKind.Validation, "Invalid request", message, new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Validation, "Invalid request", string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    public static Failure Stale(string detail) => new(FailureKind.PreconditionFailed, "Precondition failed", detail);
}

/// <summary>Either a value or a <see cref="Failure"/>; services return this instead of throwing for expected refusals.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    /// <summary>For values an implicit conversion cannot take (interfaces).</summary>
    public static Outcome<T> Success(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}

/// <summary>Collects field errors so a request learns about all its problems at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"{field} is {value.Length:N0} characters long; the limit is {max:N0}.");
        }
    }

    public Failure ToFailure() => Failure.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
