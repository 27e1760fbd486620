using System.Net;
using SelfService.Channels;
using SelfService.Channels.Text;
using SelfService.Commands;
using SelfService.Commands.Answers;
using SelfService.KnowledgeBase;

namespace SelfService.Gateway.Api;

/// <summary>
/// GET /kb/{id}: a published article as a page of its own, where a link between articles in a web chat or email answer
/// leads. Published answers are public (anyone may ask the bot for them), so the page is anonymous; drafts and retired
/// articles answer 404. Prices come from the service catalogue as the bot's answers do; links lead to the other pages.
/// </summary>
internal static class ArticlePageApi
{
    public static IEndpointRouteBuilder MapArticlePages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ArticleLinks.PagePath + "{id}", ShowAsync);
        return routes;
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext http, IKnowledgeSearch knowledge, ServiceDirectory services, ServiceFacts facts,
        CancellationToken cancellationToken)
    {
        if (knowledge.Find(id) is not { } article) return TypedResults.NotFound();
        var offers = await services.AllAsync(cancellationToken);
        var markdown = ArticleLinks.Rewrite(facts.Render(article.LongAnswer, offers, article.Language),
            target => knowledge.Find(target) is null ? null : ArticleLinks.PageOf(target, null));
        var title = WebUtility.HtmlEncode(facts.Render(article.Title, offers, article.Language));
        var html = $"""
            <!DOCTYPE html>
            <html lang="{article.Language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
            <body><main>
            {MarkdownHtml.ToHtml(markdown)}
            </main></body>
            </html>
            """;
        http.Response.Headers.ContentSecurityPolicy = PageSecurityPolicy.For(html);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
