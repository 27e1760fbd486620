using System.CommandLine;
using System.Text;
using SelfService.Staff;

namespace SelfService.Gateway.Hosting;

/// <summary>
/// <c>dotnet SelfService.Gateway.dll staff ...</c>: creates the first admin and other staff accounts, resets passwords
/// and issues API tokens, against the gateway's own database (stop the gateway first: the database file is exclusive).
/// Passwords are typed at a hidden prompt or piped on stdin; never taken as an argument, where the shell history keeps them.
/// </summary>
internal static class StaffCommandLine
{
    /// <summary>Splits "staff ..." off the arguments; returns null when the gateway should simply run.</summary>
    public static string[]? Split(string[] args, out string[] hostArgs)
    {
        if (args.Length > 0 && args[0] == "staff")
        {
            hostArgs = [];
            return args[1..];
        }
        hostArgs = args;
        return null;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var accounts = services.GetRequiredService<StaffAccounts>();
        var tokens = services.GetRequiredService<ApiTokens>();
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "read the password from the first line of stdin" };

        var user = new Argument<string>("user") { Description = "the user name they sign in with" };
        var roles = new Option<string[]>("--role") { Description = "a role: " + string.Join(", ", StaffRoles.All) + " (repeatable)", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "the name customers and colleagues see" };
        var languages = new Option<string[]>("--language") { Description = "a language they answer in: ru or en (repeatable; default both)" };
        var groups = new Option<string[]>("--group") { Description = "a queue group they work, e.g. billing (repeatable)" };
        var add = new Command("add", "create a staff account") { user, roles, displayName, languages, groups, passwordStdin };
        add.SetAction((parse, cancellationToken) => RunAsync(async () =>
        {
            var password = ReadPassword(parse.GetValue(passwordStdin));
            var langs = parse.GetValue(languages) is { Length: > 0 } l ? l : null;
            var account = await accounts.CreateAsync(parse.GetValue(user)!, password, parse.GetValue(roles)!, "command-line",
                parse.GetValue(displayName), langs, parse.GetValue(groups), cancellationToken: cancellationToken);
            Console.WriteLine($"created {account.UserName} ({string.Join(", ", account.Roles)})");
        }));

        var password = new Command("password", "set a new password (also ends a lockout)") { user, passwordStdin };
        password.SetAction((parse, cancellationToken) => RunAsync(async () =>
        {
            await accounts.SetPasswordAsync(parse.GetValue(user)!, ReadPassword(parse.GetValue(passwordStdin)), "command-line", cancellationToken);
            Console.WriteLine("password changed");
        }));

        var label = new Option<string>("--label") { Description = "what the token is for", DefaultValueFactory = _ => "api" };
        var days = new Option<int?>("--days") { Description = "days until it expires (default: never)" };
        var token = new Command("token", "issue an API token (printed once)") { user, label, days };
        token.SetAction((parse, cancellationToken) => RunAsync(async () =>
        {
            var lifetime = parse.GetValue(days) is { } d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
            Console.WriteLine(await tokens.IssueAsync(parse.GetValue(user)!, parse.GetValue(label)!, lifetime, "command-line", null, cancellationToken));
        }));

        var list = new Command("list", "list staff accounts");
        list.SetAction((_, cancellationToken) => RunAsync(async () =>
        {
            foreach (var a in await accounts.ListAsync(cancellationToken))
                Console.WriteLine($"{a.UserName,-24} {string.Join(",", a.Roles),-30} {(a.Disabled ? "disabled" : a.LockedUntil is not null ? "locked" : "active")}");
        }));

        var root = new RootCommand("SelfService staff accounts") { add, password, token, list };
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (StaffAccountException ex)
        {
            foreach (var problem in ex.Problems) Console.Error.WriteLine(problem);
            return 1;
        }
    }

    private static string ReadPassword(bool fromStdin)
    {
        if (fromStdin || Console.IsInputRedirected) return Console.In.ReadLine() ?? "";
        var first = Prompt("Password: ");
        if (Prompt("Again: ") != first) throw new StaffAccountException(["The two passwords differ."]);
        return first;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.WriteLine();
        return typed.ToString();
    }
}
