using Microsoft.AspNetCore.Http;
using SelfService.Channels.DirectLine.Protocol;

namespace SelfService.Channels.DirectLine;

/// <summary>Errors in Direct Line's shape, {"error": {"code", "message"}}, with the status clients act on (403 → token, 404 → ended).</summary>
internal static class DirectLineErrors
{
    public static IResult Forbidden(DirectLineCaller caller) => caller.Kind == DirectLineCallerKind.ExpiredToken
        ? Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; refresh it or start again.")
        : Error(StatusCodes.Status403Forbidden, "BadArgument", "Missing or invalid secret or token.");

    public static IResult NotYours() =>
        Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is for another conversation.");

    public static IResult ConversationNotFound() => Error(StatusCodes.Status404NotFound, "NotFound", "No such conversation.");

    public static IResult TooLarge(long limit) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeExceeded", $"The body is larger than {limit} bytes.");

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new ErrorDetail(code, message)), DirectLineJson.Wire.ErrorResponse, statusCode: status);
}
