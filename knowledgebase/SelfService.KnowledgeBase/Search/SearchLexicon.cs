namespace SelfService.KnowledgeBase.Search;

/// <summary>
/// Language knowledge the stemmers lack: the filler of customer messages (greetings, politeness, question words)
/// and colloquial spellings of the same thing. It is general customer language, not tied to any one article;
/// article-specific vocabulary belongs in the articles' keywords.
/// </summary>
internal sealed class SearchLexicon
{
    private SearchLexicon(
        string language,
        IReadOnlyList<string> fillerWords,
        IReadOnlyList<string[]> synonymGroups,
        IReadOnlyList<string> negations,
        IReadOnlyList<KeyValuePair<string, string>> characterMappings,
        bool matchWordFamilies,
        string minusWord)
    {
        MinusWord = minusWord;
        Negations = negations;
        Language = language;
        FillerWords = fillerWords;
        SynonymGroups = synonymGroups;
        CharacterMappings = characterMappings;
        MatchWordFamilies = matchWordFamilies;
    }

    public string Language { get; }

    /// <summary>Words that carry no topic, removed like stop words (in addition to Lucene's stop list).</summary>
    public IReadOnlyList<string> FillerWords { get; }

    /// <summary>
    /// Negations, kept (against Lucene's stop lists) and folded into one term: "не приходят", "can't send", "no signal"
    /// mark a problem, which is what separates "SMS not delivered" from "SMS bundle" when both say "send SMS".
    /// </summary>
    public IReadOnlyList<string> Negations { get; }

    /// <summary>
    /// Each group's words are indexed and searched as the first word of the group (after stemming). Country names form
    /// one group with the word "country": articles cannot list every destination, and a customer naming theirs means
    /// "another country".
    /// </summary>
    public IReadOnlyList<string[]> SynonymGroups { get; }

    /// <summary>Character sequences rewritten before tokenizing (ё→е, typographic apostrophes, "e-SIM").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CharacterMappings { get; }

    /// <summary>
    /// Whether stems sharing a long prefix count as the same word family. Russian needs it: the stemmer leaves
    /// "подключ" (подключить) and "подключен" (подключение) apart. Porter already conflates English derivations,
    /// and prefixes would confuse "intern(ational)" with "internet".
    /// </summary>
    public bool MatchWordFamilies { get; }

    /// <summary>The word a negative amount ("-85") is read as, so "balance -85" finds the negative-balance article.</summary>
    public string MinusWord { get; }

    public static SearchLexicon For(string language) => language == ArticleLanguages.Russian ? Russian : English;

    private static readonly KeyValuePair<string, string>[] CommonMappings =
    [
        new("ё", "е"), new("Ё", "Е"), new("’", "'"), new("‘", "'"), new("`", "'"),
        new("e-sim", "esim"), new("e-SIM", "esim"), new("E-SIM", "esim"), new("E-sim", "esim"),
        new("е-сим", "esim"), new("Е-сим", "esim"), new("wi-fi", "wifi"), new("Wi-Fi", "wifi"), new("WI-FI", "wifi"),
        new("сим-карт", "симкарт"), new("Сим-карт", "симкарт"), new("СИМ-карт", "симкарт"), new("SIM-карт", "симкарт"),
        new("sim-карт", "симкарт"),
    ];

    public static SearchLexicon Russian { get; } = new(
        ArticleLanguages.Russian,
        [
            "здравствуйте", "здравствуй", "здрасте", "привет", "приветствую", "добрый", "доброе", "доброго", "день", "вечер", "утро",
            "пожалуйста", "пожалуйсто", "пжл", "пж", "плиз", "спасибо", "благодарю", "заранее",
            "подскажите", "подскажи", "дайте", "дай", "давайте", "скажите", "скажи", "помогите", "помоги", "объясните", "объясни", "расскажите", "расскажи",
            "хочу", "хотел", "хотела", "хотелось", "хотим", "нужно", "нужна", "нужен", "нужны", "надо", "требуется",
            "мой", "моя", "мое", "мои", "моего", "моей", "моему", "моем", "моим", "моих", "моими", "мою",
            "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашему", "вашем", "вашим", "вашу", "ваших",
            "свой", "своя", "свое", "свои", "своего", "своей", "своему", "своем", "своим", "своих",
            "какой", "какая", "какое", "какие", "каким", "какую", "каких", "какого", "какому",
            "почему", "зачем", "откуда", "каком", "которые", "который", "которая",
            "могу", "можете", "может", "могут", "мочь", "можно", "ли", "бы",
            "делать", "сделать", "поступить", "быть", "будет", "есть", "это", "этот", "эта", "эти", "этого", "этой",
            "вообще", "просто", "очень", "уже", "еще", "сейчас", "тут", "там", "вот", "ну", "блин", "короче", "типа",
            "вы", "вас", "вам", "вами", "ты", "тебя", "тебе", "я", "меня", "мне", "мной", "у", "нас", "мы",
            "пишу", "писать", "вопрос", "узнать", "знать", "интересует", "интересно", "подскажете",
            "кто", "нибудь", "то", "как", "что", "чтобы", "если", "где", "когда", "куда",
            "сколько", "скока", "скоко", "много", "чуть", "какой-то", "какие-то", "кто-то", "что-то",
            "щас", "чо", "че", "шо", "пжлст", "плз", "спс", "ок", "окей", "ага", "алло", "народ", "ребята", "девушка",
        ],
        [
            ["интернет", "инет", "инета", "интернетом", "тырнет"],
            ["sim", "сим", "симка", "симки", "симкарта", "симкарты", "симку", "симкой", "симкарту", "симкарте"],
            ["esim", "есим", "эсим", "есимка", "есимку"],
            ["смс", "sms", "смска", "смски", "смсок", "эсэмэс", "эсэмэска", "смс-ка", "сообщение", "сообщения", "сообщений", "эсэмэски"],
            ["цена", "цены", "стоимость", "стоит", "стоят", "почем", "расценки", "прайс"],
            ["телефон", "мобильник", "смартфон", "телефончик", "мобила", "трубка", "айфон", "андроид", "мобилка", "сотовый", "тел"],
            ["ноутбук", "ноут", "компьютер", "комп", "планшет", "пк"],
            ["деньги", "денег", "деньгами", "бабки", "бабло", "средства", "денежки"],
            ["пополнить", "пополнение", "закинуть", "кинуть", "положить", "внести", "пополнять", "пополню", "закину", "положу"],
            ["гб", "gb", "гигабайт", "гиг", "гига", "гигов", "гигабайта", "гигабайтов"],
            ["мб", "mb", "мегабайт", "мегов", "мегабайта"],
            ["звонок", "звонки", "звонить", "позвонить", "дозвониться", "дозвонится", "вызов", "вызовы", "звоню", "звонят"],
            ["подключить", "подключение", "включить", "включение", "активировать", "активация", "подключиться", "врубить", "подрубить"],
            ["отключить", "отключение", "выключить", "выключение", "деактивировать", "деактивация", "вырубить", "убрать"],
            ["граница", "границей", "границу", "заграница", "заграницей", "заграницу", "рубеж", "рубежом", "зарубеж", "загранка", "загранице", "зарубежный", "зарубежом"],
            ["детализация", "распечатка", "выписка", "расшифровка", "детализацию", "распечатку", "выписку"],
            ["оператор", "консультант", "специалист", "сотрудник", "человек", "человеком", "менеджер"],
            ["приложение", "приложуха", "приложухе", "прилога", "апп"],
            ["4g", "4ж", "lte", "лте", "4г"],
            ["5g", "5ж", "5г"],
            ["wifi", "вайфай", "вай-фай"],
            [
                "страна", "страны", "стране", "страну", "странах",
                // Nominative and prepositional ("в Египте") forms: the stemmer does not always bring them together.
                "финляндия", "финляндии", "норвегия", "норвегии", "швеция", "швеции", "эстония", "эстонии", "латвия", "латвии",
                "литва", "литве", "беларусь", "беларуси", "белоруссия", "белоруссии", "казахстан", "казахстане",
                "узбекистан", "узбекистане", "киргизия", "киргизии", "армения", "армении", "грузия", "грузии",
                "азербайджан", "азербайджане", "абхазия", "абхазии", "турция", "турции", "египет", "египте", "оаэ",
                "эмираты", "эмиратах", "дубай", "дубае", "таиланд", "таиланде", "тайланд", "тайланде", "китай", "китае",
                "вьетнам", "вьетнаме", "индия", "индии", "мальдивы", "мальдивах", "сша", "америка", "америке", "канада",
                "канаде", "германия", "германии", "франция", "франции", "италия", "италии", "испания", "испании",
                "португалия", "португалии", "греция", "греции", "кипр", "кипре", "черногория", "черногории", "сербия",
                "сербии", "чехия", "чехии", "польша", "польше", "англия", "англии", "великобритания", "великобритании",
                "израиль", "израиле", "тунис", "тунисе", "куба", "кубе", "мексика", "мексике", "япония", "японии",
                "корея", "корее", "монголия", "монголии",
            ],
        ],
        ["не", "нет", "нету", "ни", "никак", "ничего", "ниче", "нельзя", "невозможно", "перестал", "перестала", "перестали", "перестало"],
        CommonMappings,
        matchWordFamilies: true,
        minusWord: "минус");

    public static SearchLexicon English { get; } = new(
        ArticleLanguages.English,
        [
            "hi", "hello", "hey", "hiya", "dear", "good", "morning", "afternoon", "evening", "please", "pls", "plz", "thanks", "thank", "thx", "ty",
            "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "mine", "myself", "we", "us", "our", "you", "your", "yours", "u", "ur",
            "he", "she", "him", "her", "it's", "its", "they're",
            "how", "what", "what's", "whats", "why", "when", "where", "which", "who", "whom", "whose",
            "do", "does", "did", "doing", "done",
            "can", "could", "would", "should", "shall", "may", "might", "must",
            "want", "wanna", "wanted", "need", "needs", "needed", "like", "would've", "gonna", "gotta",
            "am", "been", "being", "have", "has", "had", "having", "get", "gets", "got", "getting",
            "help", "tell", "know", "let", "explain", "question", "wondering", "wonder", "possible",
            "just", "also", "any", "anyone", "some", "someone", "so", "too", "very", "really", "still", "again", "now", "today", "currently",
            "about", "from", "up", "out", "here", "all", "one", "thing", "way", "ways", "there's", "theres",
            "anything", "something", "even", "though", "than", "make", "go", "goes", "going", "went", "see", "use", "used", "uses", "using", "able", "much", "many", "lot", "lots", "more",
            "guys", "ok", "okay", "yes", "yeah", "hmm", "um", "lol", "anyway", "asap", "rly", "cuz", "abt", "btw", "sir", "madam",
        ],
        [
            ["data", "internet", "net", "online"],
            ["sms", "text", "texts", "texting", "txt", "sms's", "smses", "message", "messages", "texted", "msg", "msgs"],
            ["run", "ran", "running"],
            ["send", "sent", "sending"],
            ["give", "gave", "given"],
            ["buy", "bought"],
            ["break", "broke", "broken"],
            ["laptop", "computer", "pc", "tablet", "ipad"],
            ["sim", "simcard", "simcards"],
            ["phone", "cellphone", "cell", "handset", "smartphone", "iphone", "android", "mob", "cellular"],
            ["money", "cash", "funds"],
            ["top", "topup", "topped", "recharge", "refill", "reload"],
            ["activate", "enable", "activation"],
            ["deactivate", "disable", "deactivation"],
            ["agent", "human", "operator", "representative", "rep", "advisor", "adviser", "consultant"],
            ["bill", "invoice", "statement", "bills"],
            ["gb", "gig", "gigs", "gigabyte", "gigabytes", "gbs"],
            ["mb", "megabyte", "megabytes", "megs"],
            ["abroad", "overseas", "foreign", "international", "internationally"],
            ["lost", "lose", "stolen", "missing", "misplaced", "stole"],
            ["app", "application", "apps"],
            ["cost", "price", "fee", "fees", "pricing", "prices", "costs"],
            ["signal", "reception"],
            ["4g", "lte"],
            [
                "country", "countries",
                "finland", "norway", "sweden", "estonia", "latvia", "lithuania", "belarus", "kazakhstan", "uzbekistan",
                "kyrgyzstan", "armenia", "georgia", "azerbaijan", "turkey", "egypt", "uae", "emirates", "dubai", "thailand",
                "china", "vietnam", "india", "maldives", "usa", "america", "canada", "germany", "france", "italy", "spain",
                "portugal", "greece", "cyprus", "montenegro", "serbia", "czechia", "poland", "uk", "britain", "england",
                "israel", "tunisia", "cuba", "mexico", "japan", "korea", "mongolia",
            ],
        ],
        ["not", "no", "can't", "cant", "cannot", "won't", "wont", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt",
         "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "never", "unable", "nothing", "ain't", "nope", "none"],
        CommonMappings,
        matchWordFamilies: false,
        minusWord: "minus");
}
