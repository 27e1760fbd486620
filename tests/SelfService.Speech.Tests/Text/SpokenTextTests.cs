using SelfService.Commands.Menus;
using SelfService.Speech.Text;

namespace SelfService.Speech.Tests.Text;

public sealed class SpokenTextTests
{
    [TestCase(0, "ноль")]
    [TestCase(1, "один")]
    [TestCase(11, "одиннадцать")]
    [TestCase(21, "двадцать один")]
    [TestCase(40, "сорок")]
    [TestCase(100, "сто")]
    [TestCase(123, "сто двадцать три")]
    [TestCase(1000, "одна тысяча")]
    [TestCase(2002, "две тысячи два")]
    [TestCase(5000, "пять тысяч")]
    [TestCase(11000, "одиннадцать тысяч")]
    [TestCase(21000, "двадцать одна тысяча")]
    [TestCase(1000000, "один миллион")]
    [TestCase(2345678, "два миллиона триста сорок пять тысяч шестьсот семьдесят восемь")]
    [TestCase(-15, "минус пятнадцать")]
    public void Number_Russian(long number, string expected) => Assert.That(SpokenText.Number(number, "ru"), Is.EqualTo(expected));

    [TestCase(1, GrammaticalGender.Feminine, "одна")]
    [TestCase(2, GrammaticalGender.Feminine, "две")]
    [TestCase(1, GrammaticalGender.Neuter, "одно")]
    [TestCase(22, GrammaticalGender.Feminine, "двадцать две")]
    public void Number_RussianGender(long number, GrammaticalGender gender, string expected) =>
        Assert.That(SpokenText.Number(number, "ru", gender), Is.EqualTo(expected));

    [TestCase(0, "zero")]
    [TestCase(13, "thirteen")]
    [TestCase(45, "forty-five")]
    [TestCase(100, "one hundred")]
    [TestCase(123, "one hundred and twenty-three")]
    [TestCase(1005, "one thousand and five")]
    [TestCase(2345678, "two million three hundred and forty-five thousand six hundred and seventy-eight")]
    [TestCase(-7, "minus seven")]
    public void Number_English(long number, string expected) => Assert.That(SpokenText.Number(number, "en"), Is.EqualTo(expected));

    [TestCase("123.45", "сто двадцать три рубля сорок пять копеек")]
    [TestCase("1.01", "один рубль одна копейка")]
    [TestCase("2.02", "два рубля две копейки")]
    [TestCase("5.05", "пять рублей пять копеек")]
    [TestCase("11.11", "одиннадцать рублей одиннадцать копеек")]
    [TestCase("21.21", "двадцать один рубль двадцать одна копейка")]
    [TestCase("112.14", "сто двенадцать рублей четырнадцать копеек")]
    [TestCase("350.00", "триста пятьдесят рублей")]
    [TestCase("0", "ноль рублей")]
    [TestCase("-12.50", "минус двенадцать рублей пятьдесят копеек")]
    [TestCase("0.999", "один рубль")]
    public void Money_RoublesInRussian(string amount, string expected) =>
        Assert.That(SpokenText.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "RUB", "ru"), Is.EqualTo(expected));

    [TestCase("123.45", "one hundred and twenty-three roubles and forty-five kopecks")]
    [TestCase("1.01", "one rouble and one kopeck")]
    [TestCase("350", "three hundred and fifty roubles")]
    public void Money_RoublesInEnglish(string amount, string expected) =>
        Assert.That(SpokenText.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "RUB", "en"), Is.EqualTo(expected));

    [Test]
    public void Money_OtherCurrencies()
    {
        Assert.That(SpokenText.Money(3.01m, "USD", "ru"), Is.EqualTo("три доллара один цент"));
        Assert.That(SpokenText.Money(5m, "EUR", "ru"), Is.EqualTo("пять евро"));
        Assert.That(SpokenText.Money(2.5m, "EUR", "en"), Is.EqualTo("two euros and fifty cents"));
        Assert.That(SpokenText.Money(7.45m, "KZT", "en"), Is.EqualTo("seven point four five KZT"));
    }

    [TestCase(30, "меньше минуты", "less than a minute")]
    [TestCase(60, "одна минута", "one minute")]
    [TestCase(61, "две минуты", "two minutes")]
    [TestCase(5 * 60, "пять минут", "five minutes")]
    [TestCase(21 * 60, "двадцать одна минута", "twenty-one minutes")]
    [TestCase(80 * 60, "один час двадцать минут", "one hour and twenty minutes")]
    [TestCase(120 * 60, "два часа", "two hours")]
    public void Duration_RoundsUpToMinutes(int seconds, string russian, string english)
    {
        Assert.That(SpokenText.Duration(TimeSpan.FromSeconds(seconds), "ru"), Is.EqualTo(russian));
        Assert.That(SpokenText.Duration(TimeSpan.FromSeconds(seconds), "en"), Is.EqualTo(english));
    }

    [Test]
    public void QueuePosition_SaysPlaceAndWait()
    {
        Assert.That(SpokenText.QueuePosition(3, TimeSpan.FromMinutes(4.5), "ru"), Is.EqualTo("Ваш номер в очереди: три. Примерное время ожидания: пять минут."));
        Assert.That(SpokenText.QueuePosition(1, null, "en"), Is.EqualTo("You are number one in the queue."));
    }

    [Test]
    public void Menu_Russian_SaysWhichKeyPicksWhat()
    {
        var spoken = SpokenText.Menu("Подключить", [new MenuChoice('1', "Роуминг"), new MenuChoice('0', "Оператор"), new MenuChoice('*', "Назад")], "ru");

        Assert.That(spoken, Is.EqualTo("Подключить. Роуминг — нажмите один. Оператор — нажмите ноль. Назад — нажмите звёздочку."));
    }

    [Test]
    public void Menu_English_SaysPressKeyForItem()
    {
        var spoken = SpokenText.Menu("Balance", ["Check balance"], "en");

        Assert.That(spoken, Is.EqualTo("Balance. For Check balance, press one."));
    }

    [Test]
    public void Menu_TheUssdMenusOfTheSampleOperator_RenderInBothLanguages()
    {
        // The same menus USSD shows, loaded the way the gateway loads them: every item's label, numbered as USSD numbers it.
        var catalogue = MenuCatalogue.Load(Path.Combine(RepositoryPaths.OperatorSamples, "menus.json"));
        var main = catalogue.Find(catalogue.Root)!;

        var russian = SpokenText.Menu(main.TitleIn("ru"), main.Items.Select(item => item.LabelIn("ru")), "ru");
        var english = SpokenText.Menu(main.TitleIn("en"), main.Items.Select(item => item.LabelIn("en")), "en");

        Assert.That(russian, Does.StartWith("Северный Телеком. Баланс — нажмите один. Услуги — нажмите два."));
        Assert.That(russian, Does.EndWith("Оператор — нажмите пять."));
        Assert.That(english, Does.StartWith("Northern Telecom. For Balance, press one. For My services, press two."));
        Assert.That(english, Does.EndWith("For Agent, press five."));
    }

    [Test]
    public void Menu_MoreThanNineNumberedItems_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => SpokenText.Menu("x", Enumerable.Range(1, 10).Select(i => $"item {i}"), "en"));
    }

    [TestCase("ru", "Баланс: 350,00 RUB. Тариф: Базовый.", "Баланс: триста пятьдесят рублей. Тариф: Базовый.")]
    [TestCase("en", "Balance: 123.45 RUB. Tariff: Basic.", "Balance: one hundred and twenty-three roubles and forty-five kopecks. Tariff: Basic.")]
    [TestCase("ru", "Списано 21,50 RUB, баланс -3,00 RUB.", "Списано двадцать один рубль пятьдесят копеек, баланс минус три рубля.")]
    [TestCase("ru", "Стоимость 5 руб. в день", "Стоимость пять рублей. в день")]
    [TestCase("ru", "Скидка 25% на **роуминг**", "Скидка двадцать пять процентов на роуминг")]
    [TestCase("en", "A *25%* discount", "A twenty-five per cent discount")]
    [TestCase("ru", "Наберите *100# или позвоните 88005553535.", "Наберите звёздочка 100 решётка или позвоните восемь восемь ноль ноль пять пять пять три пять три пять.")]
    [TestCase("en", "See [our tariffs](https://example.com/tariffs) or https://example.com/help for more.", "See our tariffs or for more.")]
    [TestCase("en", "# Roaming\nDial `*111#` to check.", "Roaming Dial star 111 hash to check.")]
    public void Answer_WrittenText_IsMadeSpeakable(string language, string written, string expected) =>
        Assert.That(SpokenText.Answer(written, language), Is.EqualTo(expected));
}
