using Microsoft.AspNetCore.Http.HttpResults;

namespace ParkGlobalMedia.Platform.Http;

public static class ProblemResults
{
    /// <summary>The one mapping from a refused operation to an HTTP ProblemDetails response.</summary>
    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        var extensions = failure.Errors is null
            ? null
            : new Dictionary<string, object?> { ["errors"] = failure.Errors };
        return TypedResults.Problem(statusCode: StatusCode(failure.Kind), title: failure.Title, detail: failure.Detail, extensions: extensions);
    }

    /// <summary>The HTTP status of each kind of refusal, for the API and the admin pages alike.</summary>
    public static int StatusCode(FailureKind kind) =>
        kind switch
        {
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Validation => StatusCodes.Status400BadRequest,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            FailureKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            _ => StatusCodes.Status500InternalServerError,
        };
}
