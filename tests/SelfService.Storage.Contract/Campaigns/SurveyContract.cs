using SelfService.Storage.Surveys;

namespace SelfService.Storage.Contract.Campaigns;

/// <summary>Survey responses: started once, found by the address they went to, changed atomically, paged per survey.</summary>
public abstract class SurveyContract : StorageContract
{
    private ISurveyStore Surveys => Store.Surveys;

    [Test]
    public async Task Start_KeepsEveryField_AndStartsTheSameIdOnce()
    {
        Assert.That(await Surveys.StartAsync(NewResponse("c1|r|+79160000001", "c1", "sms", "+79160000001", T0), None), Is.True);
        Assert.That(await Surveys.StartAsync(NewResponse("c1|r|+79160000001", "c1", "sms", "+79160000001", T0.AddHours(1)), None), Is.False);
        await ReopenAsync();

        var stored = (await Surveys.GetAsync("c1|r|+79160000001", None))!;
        Assert.That(stored.StartedAt, Is.EqualTo(T0), "the second start changed nothing");
        Assert.That(stored.ExpiresAt, Is.EqualTo(T0.AddDays(1)));
        Assert.That(stored.Survey.Questions.Select(q => (q.Id, q.Kind)), Is.EqualTo(new[] { ("q1", QuestionKind.Score5), ("q2", QuestionKind.Choice) }));
        Assert.That(stored.Survey.Questions[1].Options.Select(o => o.Labels["ru"]), Is.EqualTo(new[] { "Цена", "Связь" }));
        Assert.That(stored.Survey.Questions[0].Jumps.Single().Answers, Is.EqualTo(new[] { "4", "5" }));
        Assert.That(stored.Survey.Questions[0].Texts["en"], Is.EqualTo("How do you rate us?"));
        Assert.That(stored.QuestionId, Is.EqualTo("q1"));
        Assert.That(stored.State, Is.EqualTo(SurveyState.Open));
        Assert.That(await Surveys.GetAsync("nope", None), Is.Null);
    }

    [Test]
    public async Task LatestFor_IsTheNewestSentToThatChannelAndAddress()
    {
        await Surveys.StartAsync(NewResponse("a", "c1", "sms", "+79160000001", T0), None);
        await Surveys.StartAsync(NewResponse("b", "c2", "sms", "+79160000001", T0.AddHours(2)), None);
        await Surveys.StartAsync(NewResponse("c", "c3", "telegram", "+79160000001", T0.AddHours(3)), None);
        await Surveys.StartAsync(NewResponse("d", "c3", "sms", "+79160000002", T0.AddHours(4)), None);

        Assert.That((await Surveys.LatestForAsync("sms", "+79160000001", None))!.Id, Is.EqualTo("b"));
        Assert.That((await Surveys.LatestForAsync("telegram", "+79160000001", None))!.Id, Is.EqualTo("c"));
        Assert.That(await Surveys.LatestForAsync("email", "+79160000001", None), Is.Null);
    }

    [Test]
    public async Task Change_AppliesOrRefuses_AndConcurrentChangesEachSeeTheOthers()
    {
        await Surveys.StartAsync(NewResponse("a", "c1", "sms", "+79160000001", T0), None);

        var refused = await Surveys.ChangeAsync("a", r => { r.State = SurveyState.Expired; return false; }, None);
        Assert.That((refused.Changed, refused.Response!.State), Is.EqualTo((false, SurveyState.Open)), "a refused change is not stored");
        Assert.That((await Surveys.ChangeAsync("nope", _ => true, None)).Response, Is.Null);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Surveys.ChangeAsync("a", r =>
        {
            r.MessageIds.Add("m" + i);
            r.Answers.Add(new SurveyAnswer { QuestionId = "q1", Value = "5", Text = "5", At = T0 });
            return true;
        }, None))));
        await ReopenAsync();

        var stored = (await Surveys.GetAsync("a", None))!;
        Assert.That(stored.MessageIds, Has.Count.EqualTo(10));
        Assert.That(stored.Answers.Select(a => a.Value), Is.All.EqualTo("5"));
    }

    [Test]
    public async Task Responses_PagesOneSurveyInOrderOfId()
    {
        foreach (var id in new[] { "c1|r|+3", "c1|r|+1", "c2|r|+1", "c1|r|+2" })
            await Surveys.StartAsync(NewResponse(id, id[..2], "sms", id[5..], T0), None);

        var first = await Surveys.ResponsesAsync("c1", null, 2, None);
        var second = await Surveys.ResponsesAsync("c1", first[^1].Id, 2, None);

        Assert.That(first.Select(r => r.Id), Is.EqualTo(new[] { "c1|r|+1", "c1|r|+2" }));
        Assert.That(second.Select(r => r.Id), Is.EqualTo(new[] { "c1|r|+3" }));
        Assert.That(await Surveys.ResponsesAsync("c9", null, 10, None), Is.Empty);
    }

    private static SurveyResponse NewResponse(string id, string surveyId, string channel, string address, DateTimeOffset at) => new()
    {
        Id = id, SurveyId = surveyId, Run = "r", Channel = channel, Address = address, Msisdn = address, Language = "ru",
        State = SurveyState.Open, QuestionId = "q1", StartedAt = at, ExpiresAt = at.AddDays(1), UpdatedAt = at,
        Survey = new SurveyDefinition
        {
            Questions =
            [
                new SurveyQuestion
                {
                    Id = "q1", Kind = QuestionKind.Score5, Texts = new() { ["ru"] = "Оцените нас", ["en"] = "How do you rate us?" },
                    Jumps = [new SurveyJump { Answers = ["4", "5"], GoTo = SurveyJump.End }],
                },
                new SurveyQuestion
                {
                    Id = "q2", Kind = QuestionKind.Choice, Texts = new() { ["ru"] = "Что не так?" },
                    Options = [new SurveyOption { Value = "price", Labels = new() { ["ru"] = "Цена" } }, new SurveyOption { Value = "network", Labels = new() { ["ru"] = "Связь" } }],
                },
            ],
        },
    };
}
