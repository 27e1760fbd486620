namespace SelfService.Provisioning.Tests;

/// <summary>The sample operator's files (samples/operator, copied beside the tests) and the subscribers the tests use.</summary>
internal static class SampleOperator
{
    public static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "operator");

    /// <summary>Иван Петров: 350.00, SMART, INTERNET active, PIN 1234.</summary>
    public const string Ivan = "+79161234567";

    /// <summary>Анна Смирнова: 5.00, BASIC, no services, PIN 4321.</summary>
    public const string Anna = "+79031112233";

    /// <summary>John Smith: 120.00, SMART, VOICEMAIL active, PIN 1111.</summary>
    public const string John = "+447700900123";

    /// <summary>Ольга Кузнецова: 1000.00, PREMIUM, ROAMING active, PIN 2468.</summary>
    public const string Olga = "+79265554433";

    /// <summary>Test Subscriber: 50.00, BASIC, no services, PIN 0000.</summary>
    public const string Tester = "+79998887766";

    /// <summary>A number no subscriber has.</summary>
    public const string Stranger = "+79000000000";
}
