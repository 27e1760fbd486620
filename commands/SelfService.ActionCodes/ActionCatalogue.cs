namespace SelfService.ActionCodes;

/// <summary>The operator's action codes: which keywords customers may send, in which languages, and what follows them.</summary>
/// <remarks>
/// The catalogue is a JSON file the operator edits (see <c>samples/operator/actions.json</c>):
/// <code>
/// {
///   "$comment": "free text for the operator, ignored",
///   "actions": [
///     {
///       "code": "ACT",                       // canonical code, one word
///       "argument": "Service",               // None (default), Service, Phone, Digits or Text
///       "aliases": {                         // keywords per language; several words are allowed
///         "en": [ "ACT", "ON", "ACTIVATE" ],
///         "ru": [ "ВКЛ", "ПОДКЛЮЧИТЬ", "ВКЛЮЧИТЬ УСЛУГУ" ]
///       },
///       "descriptions": {                    // one SMS-sized line per language, for HELP replies
///         "en": "ACT <service> - turn a service on",
///         "ru": "ВКЛ <услуга> - подключить услугу"
///       },
///       "phrases": {                         // customers' own words, anywhere in a message, any word form
///         "en": [ "turn on", "enable" ],
///         "ru": [ "подключить", "хочу подключить" ]
///       },
///       "actsOnQuestion": false,             // true: "how do I ...?" asking for it still runs it (AGENT)
///       "argumentOptional": false,           // true: the argument may be left out (CALLBACK calls the own number)
///       "combinations": [ "want + service?" ], // word groups that ask for it together, in any order; "?" = optional
///       "topic": "SERVICES"                  // the help topic it is listed under (HELP SERVICES)
///     }
///   ],
///   "helpTopics": [
///     { "code": "SERVICES", "names": { "en": [ "SERVICES" ], "ru": [ "УСЛУГИ" ] }, "titles": { "en": "services on and off" } }
///   ],
///   "campaignTopics": [                    // what STOP and START may name (STOP PROMO); service notices have none
///     { "code": "PROMO", "names": { "en": [ "PROMO", "OFFERS" ], "ru": [ "АКЦИИ" ] }, "titles": { "en": "offers and promotions" } }
///   ],
///   "understanding": {
///     "fillers": { "en": [ "please" ], "ru": [ "пожалуйста" ] },
///     "questionMarkers": { "en": [ "how" ], "ru": [ "как" ] },
///     "serviceAliases": { "VOICEMAIL": { "ru": [ "автоответчик" ], "en": [ "answering machine" ] } },
///     "languages": { "en": [ "english", "по-английски", "en" ], "ru": [ "русский", "по-русски", "ру" ] },
///     "wordGroups": { "want": { "en": [ "want", "need" ] }, "service": { "ru": [ "услуга" ] } },
///     "wordGroupsAsWritten": [ "service" ], // groups matched as written, not in every word form
///     "clauseWords": { "en": [ "because" ], "ru": [ "потому что" ] }, // words that begin a clause, as a comma does
///     "languageRefusals": { "en": [ "don t read" ], "ru": [ "не понимаю" ] } // refuse the language named beside them
///   }
/// }
/// </code>
/// Aliases are compared ignoring case, spacing and Cyrillic/Latin look-alike letters, so two codes may not
/// share an alias that reads or looks the same. Unknown fields are errors, so a misspelt field is caught on load;
/// <c>//</c> comments and trailing commas are tolerated.
/// </remarks>
public sealed class ActionCatalogue
{
    private ActionCatalogue(CatalogueContents read)
    {
        Actions = read.Actions.AsReadOnly();
        Vocabulary = read.Vocabulary;
        HelpTopics = read.Topics.AsReadOnly();
        CampaignTopics = read.CampaignTopics.AsReadOnly();
    }

    /// <summary>The actions in file order.</summary>
    public IReadOnlyList<ActionDefinition> Actions { get; }

    /// <summary>Fillers, question markers and service aliases for requests in customers' own words; empty when the file has none.</summary>
    public UnderstandingVocabulary Vocabulary { get; }

    /// <summary>The topics HELP groups the actions under, in file order; empty when the file has none.</summary>
    public IReadOnlyList<HelpTopic> HelpTopics { get; }

    /// <summary>The topic <paramref name="text"/> names as a whole (<c>SERVICES</c>, <c>УСЛУГИ</c>), or null.</summary>
    public HelpTopic? TopicNamed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = KeywordText.Skeleton(KeywordText.Normalize(text));
        return HelpTopics.FirstOrDefault(t => t.Names.Values.SelectMany(n => n).Append(t.Code).Any(name => KeywordText.Skeleton(name) == typed));
    }

    /// <summary>What campaigns are about, in file order: a customer may stop one (<c>STOP PROMO</c>); empty when the file has none.</summary>
    public IReadOnlyList<CampaignTopic> CampaignTopics { get; }

    /// <summary>The campaign topic <paramref name="text"/> names as a whole (<c>PROMO</c>, <c>АКЦИИ</c>), or null.</summary>
    public CampaignTopic? CampaignTopicNamed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = KeywordText.Skeleton(KeywordText.Normalize(text));
        return CampaignTopics.FirstOrDefault(t => t.Names.Values.SelectMany(n => n).Append(t.Code).Any(name => KeywordText.Skeleton(name) == typed));
    }

    /// <summary>Reads the catalogue file.</summary>
    /// <exception cref="ActionCatalogueException">The file cannot be read or is not a valid catalogue; the message names the file.</exception>
    public static ActionCatalogue Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ActionCatalogueException($"{path}: cannot read the action catalogue: {ex.Message}", ex);
        }

        return new ActionCatalogue(ActionCatalogueReader.Read(json, path));
    }

    /// <summary>Reads catalogue JSON.</summary>
    /// <exception cref="ActionCatalogueException">The JSON is malformed, a code is empty or defined twice, or two codes share an alias.</exception>
    public static ActionCatalogue Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new ActionCatalogue(ActionCatalogueReader.Read(json, "action catalogue"));
    }
}
