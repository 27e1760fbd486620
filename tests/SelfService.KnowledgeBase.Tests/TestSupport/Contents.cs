namespace SelfService.KnowledgeBase.Tests.TestSupport;

/// <summary>Small, valid article contents for workflow and search tests.</summary>
internal static class Contents
{
    public static ArticleContent RoamingRu(string shortAnswer = "Отправьте ВКЛ РОУМИНГ.") => new(
        "ru",
        "roaming",
        "Как подключить роуминг",
        ["Как подключить роуминг?", "Как включить роуминг перед поездкой?"],
        ["роуминг", "поездка"],
        shortAnswer,
        "## Роуминг\n\nОтправьте **ВКЛ РОУМИНГ**.");

    public static ArticleContent RoamingEn(string shortAnswer = "Send ACT ROAMING.") => new(
        "en",
        "roaming",
        "Turning roaming on",
        ["How do I activate roaming?", "How do I turn on roaming before a trip?"],
        ["roaming", "travel"],
        shortAnswer,
        "## Roaming\n\nSend **ACT ROAMING**.");

    public static ArticleContent BalanceEn(string shortAnswer = "Send BAL.") => new(
        "en",
        "billing",
        "How to check your balance",
        ["How do I check my balance?", "How much credit do I have left?"],
        ["balance", "credit"],
        shortAnswer,
        "Send **BAL** or dial `*100#`.");

    public static ArticleContent VoicemailEn() => new(
        "en",
        "services",
        "Voicemail",
        ["How do I set up voicemail?", "What is the voicemail number?"],
        ["voicemail", "voice message"],
        "Send ACT VOICEMAIL. Listen on 0600.",
        "Send **ACT VOICEMAIL**; call 0600 to listen.");
}
