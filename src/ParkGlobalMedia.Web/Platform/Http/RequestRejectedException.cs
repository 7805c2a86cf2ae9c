namespace ParkGlobalMedia.Platform.Http;

/// <summary>
/// A request refused while it was being read (an upload of the wrong type, too large, cut off), thrown from deep in
/// a stream pipeline where returning a result is impractical. The exception handler turns it into a ProblemDetails
/// with this status, title and message, so the message must be safe and useful to show to the client.
/// </summary>
public class RequestRejectedException(string title, string message, int statusCode) : Exception(message)
{
    public string Title { get; } = title;
    public int StatusCode { get; } = statusCode;
}
