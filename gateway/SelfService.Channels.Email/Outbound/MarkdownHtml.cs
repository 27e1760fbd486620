using Markdig;

namespace SelfService.Channels.Email.Outbound;

/// <summary>
/// The HTML part of a reply, from the Markdown long answer. Raw HTML in the Markdown is shown as text, never passed
/// through: answers quote customers' words, and a mail client must not run or render what someone typed.
/// </summary>
internal static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
