using SelfService.Messaging;
using SelfService.Storage.Conversations;
using SelfService.Commands.Policies;
using SelfService.Commands.Texts;

namespace SelfService.Commands.Menus;

/// <summary>
/// Menus and numbered choices on every channel: a dialled service code opens its menu, a digit (or a button's
/// label) picks an item, 0 goes back, 00 ends. Picking an action item runs it as if the customer had typed it.
/// </summary>
internal sealed class MenuNavigation(MenuCatalogue menus, ReplyTexts texts, AccessPolicy policy, TimeProvider time)
{
    private const string MenuPrefix = "menu:";

    public bool HasMenus => menus.Find(menus.Root) is not null;

    /// <summary>What the text means for the menus: a reply to show, a text to run instead, or nothing.</summary>
    public MenuStep Interpret(CommandContext context, string text)
    {
        var state = context.State;
        if (menus.ForServiceCode(text) is { } dialled)
        {
            state.MenuPath.Clear();
            return MenuStep.Show(Show(context, dialled));
        }

        var choices = state.Choices;
        if (choices is null) return MenuStep.None;
        if (state.ChoicesExpireAt < time.GetUtcNow())
        {
            Forget(state);
            return MenuStep.None;
        }

        switch (text)
        {
            case "00":
                Forget(state);
                state.MenuPath.Clear();
                return MenuStep.Show(new HandlerResult(new Reply(texts.Get("menuGoodbye", context.Language)), CommandOutcomeKind.Executed, "menu-exit"));
            case "0" when state.MenuPath.Count > 0:
                state.MenuPath.RemoveAt(state.MenuPath.Count - 1);
                var back = (state.MenuPath.Count > 0 ? menus.Find(state.MenuPath[^1]) : null) ?? menus.Find(menus.Root)!;
                if (state.MenuPath.Count > 0) state.MenuPath.RemoveAt(state.MenuPath.Count - 1);
                return MenuStep.Show(Show(context, back));
        }

        var picked = int.TryParse(text, out var digit) && digit >= 1 && digit <= choices.Count
            ? choices[digit - 1]
            : choices.FirstOrDefault(c => string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase));
        Forget(state);
        if (picked is null) return MenuStep.None;   // the customer moved on and typed something else
        if (picked.Action.StartsWith(MenuPrefix, StringComparison.Ordinal) && menus.Find(picked.Action[MenuPrefix.Length..]) is { } submenu)
            return MenuStep.Show(Show(context, submenu));
        return MenuStep.Run(picked.Action);
    }

    /// <summary>MENU: the root menu, from the top.</summary>
    public HandlerResult ShowRoot(CommandContext context)
    {
        context.State.MenuPath.Clear();
        return Show(context, menus.Find(menus.Root)!);
    }

    /// <summary>After any reply that offers choices (YES/NO), a digit or the label picks them.</summary>
    public void OfferChoices(CommandContext context, Reply reply)
    {
        if (reply.Choices is not { Count: > 0 } || context.State.Choices is not null) return;
        context.State.Choices = [.. reply.Choices.Select(c => new PendingChoice { Label = c, Action = c })];
        context.State.ChoicesExpireAt = time.GetUtcNow() + policy.Options.ConfirmationWindow;
    }

    private HandlerResult Show(CommandContext context, MenuDefinition menu)
    {
        var state = context.State;
        state.MenuPath.Add(menu.Id);
        var language = context.Language;
        state.Choices = [.. menu.Items.Select(i => new PendingChoice { Label = i.LabelIn(language), Action = i.Menu is null ? i.Action! : MenuPrefix + i.Menu })];
        state.ChoicesExpireAt = time.GetUtcNow() + policy.Options.ConfirmationWindow;
        var labels = menu.Items.Select(i => i.LabelIn(language)).ToList();
        var numbered = menu.TitleIn(language) + "\n" + string.Join("\n", labels.Select((l, i) => $"{i + 1}.{l}"));
        return new HandlerResult(new Reply(numbered, menu.TitleIn(language), labels, ShortListsChoices: true), CommandOutcomeKind.Executed, MenuPrefix + menu.Id);
    }

    private static void Forget(ConversationState state)
    {
        state.Choices = null;
        state.ChoicesExpireAt = null;
    }
}

/// <summary>The menus' verdict on a text: show <see cref="Result"/>, run <see cref="RunText"/> instead, or neither.</summary>
internal readonly record struct MenuStep(HandlerResult? Result, string? RunText)
{
    public static readonly MenuStep None = default;

    public static MenuStep Show(HandlerResult result) => new(result, null);

    public static MenuStep Run(string text) => new(null, text);
}
