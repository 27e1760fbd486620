using System.Security.Claims;
using SelfService.KnowledgeBase;
using SelfService.Staff;

namespace SelfService.Gateway.Api;

/// <summary>
/// The editors' API: drafts, review, publishing, retiring, history, search and import/export.
/// The acting editor is the signed-in user (cookie or API token): editors draft and submit, reviewers publish or return.
/// </summary>
internal static class KnowledgeBaseApi
{
    public static IEndpointRouteBuilder MapKnowledgeBaseApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/kb").AddEndpointFilter(MapWorkflowErrorsAsync).RequireAuthorization(StaffPolicies.Editors);
        group.MapGet("/articles", List);
        group.MapGet("/articles/{id}", Get);
        group.MapPost("/articles", Create).Audited("kb.create");
        group.MapPut("/articles/{id}", Edit).Audited("kb.edit");
        group.MapPost("/articles/{id}/submit", async (string id, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken) =>
                TypedResults.Ok(await articles.SubmitAsync(id, user.UserName(), cancellationToken)))
            .Audited("kb.submit");
        group.MapPost("/articles/{id}/approve", async (string id, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken) =>
                TypedResults.Ok(await articles.ApproveAsync(id, user.UserName(), cancellationToken)))
            .RequireAuthorization(StaffPolicies.Reviewers).Audited("kb.publish");
        group.MapPost("/articles/{id}/return", async (string id, WorkflowStep? step, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken) =>
                TypedResults.Ok(await articles.ReturnAsync(id, user.UserName(), step?.Comment ?? "", cancellationToken)))
            .RequireAuthorization(StaffPolicies.Reviewers).Audited("kb.return");
        group.MapPost("/articles/{id}/retire", async (string id, WorkflowStep? step, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken) =>
                TypedResults.Ok(await articles.RetireAsync(id, user.UserName(), step?.Comment, cancellationToken)))
            .RequireAuthorization(StaffPolicies.Reviewers).Audited("kb.retire");
        group.MapGet("/articles/{id}/history", async (string id, ArticleService articles, CancellationToken cancellationToken) =>
            TypedResults.Ok(await articles.HistoryAsync(id, cancellationToken)));
        group.MapGet("/search", Search);
        group.MapGet("/export", Export);
        group.MapPost("/import", Import).RequireAuthorization(StaffPolicies.Reviewers).Audited("kb.import");
        return routes;
    }

    private static async Task<IResult> List(
        ArticleStatus? status, string? language, string? category, string? q, ArticleService articles, CancellationToken cancellationToken) =>
        TypedResults.Ok(await articles.ListAsync(new ArticleFilter(status, language, category, q), cancellationToken));

    private static async Task<IResult> Get(string id, ArticleService articles, CancellationToken cancellationToken) =>
        await articles.GetAsync(id, cancellationToken) is { } article ? TypedResults.Ok(article) : TypedResults.NotFound();

    private static async Task<IResult> Create(ArticleDraft draft, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken)
    {
        if (draft.Content is null) return TypedResults.Problem("The body needs \"content\".", statusCode: StatusCodes.Status400BadRequest);
        var article = await articles.CreateDraftAsync(draft.Content, user.UserName(), draft.Id, cancellationToken);
        return TypedResults.Created($"/api/kb/articles/{article.Id}", article);
    }

    private static async Task<IResult> Edit(string id, ArticleDraft draft, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken)
    {
        if (draft.Content is null) return TypedResults.Problem("The body needs \"content\".", statusCode: StatusCodes.Status400BadRequest);
        return TypedResults.Ok(await articles.EditDraftAsync(id, draft.Content, user.UserName(), cancellationToken));
    }

    private static IResult Search(string? q, string? language, IKnowledgeSearch search)
    {
        if (string.IsNullOrWhiteSpace(q)) return TypedResults.Problem("Give the question as ?q=", statusCode: StatusCodes.Status400BadRequest);
        return TypedResults.Ok(search.Search(q, language ?? "ru", 5));
    }

    private static async Task<IResult> Export(string? language, KnowledgeBaseExporter exporter, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await exporter.ExportAsync(buffer, language, cancellationToken);
        buffer.Position = 0;
        return TypedResults.File(buffer, "application/json", "knowledgebase.json");
    }

    /// <summary>POST a file in the sample format (samples/knowledgebase/README.md); returns what was created, updated or skipped.</summary>
    private static async Task<IResult> Import(HttpRequest request, KnowledgeBaseImporter importer, CancellationToken cancellationToken)
    {
        // The importer checks the whole file before it writes anything, so it reads all of it first anyway.
        return TypedResults.Ok(await importer.ImportAsync(request.Body, cancellationToken));
    }

    /// <summary>
    /// Records the action in the audit trail as the pages do (same action names), whichever door it came through: actor,
    /// article, outcome and client address; refusals too.
    /// </summary>
    private static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            Task RecordAsync(string outcome, string? articleId) =>
                http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(http.User.UserName(), action,
                    articleId ?? http.Request.RouteValues["id"] as string ?? "", outcome, http.Connection.RemoteIpAddress?.ToString());
            try
            {
                var result = await next(context);
                var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
                await RecordAsync(status < 400 ? "ok" : "refused " + status, (result as IValueHttpResult)?.Value is Article article ? article.Id : null);
                return result;
            }
            catch (Exception ex) when (ex is KnowledgeBaseValidationException or ArticleNotFoundException)
            {
                await RecordAsync("refused: " + ex.Message, null);
                throw;
            }
        });

    /// <summary>Workflow refusals are the editor's to fix (400), a missing article is 404: neither is a server error.</summary>
    private static async ValueTask<object?> MapWorkflowErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (KnowledgeBaseValidationException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["article"] = [.. ex.Errors] }, detail: ex.Message);
        }
        catch (ArticleNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }

    internal sealed record ArticleDraft(string? Id, ArticleContent? Content);

    internal sealed record WorkflowStep(string? Comment);
}
