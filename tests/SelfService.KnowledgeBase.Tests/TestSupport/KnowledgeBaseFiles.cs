using System.Text;

namespace SelfService.KnowledgeBase.Tests.TestSupport;

/// <summary>Builds small knowledge-base JSON documents for import tests.</summary>
internal static class KnowledgeBaseFiles
{
    public static MemoryStream Json(string json) => new(Encoding.UTF8.GetBytes(json));

    public static string Document(params string[] articles) =>
        $$"""{ "format": "selfservice-kb/1", "articles": [ {{string.Join(",", articles)}} ] }""";

    public static string RoamingEn(string shortAnswer = "Send ACT ROAMING.") => $$"""
        {
          "id": "roaming-en",
          "language": "en",
          "category": "roaming",
          "title": "Turning roaming on",
          "questions": [ "How do I activate roaming?", "How do I turn on roaming before a trip?" ],
          "keywords": [ "roaming", "travel" ],
          "shortAnswer": "{{shortAnswer}}",
          "longAnswer": [ "## Roaming", "", "Send **ACT ROAMING**." ]
        }
        """;

    public static string BalanceEn() => """
        {
          "id": "balance-en",
          "language": "en",
          "category": "billing",
          "title": "How to check your balance",
          "questions": [ "How do I check my balance?" ],
          "keywords": [ "balance" ],
          "shortAnswer": "Send BAL.",
          "longAnswer": "Send **BAL** or dial `*100#`."
        }
        """;
}
