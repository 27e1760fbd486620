using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfService.Staff;

/// <summary>
/// Creates the first admin from configuration (Staff:BootstrapAdmin) when no admin exists yet. There is no default
/// password: without configured credentials nothing is created, and the log says how to create one from the command line.
/// </summary>
internal sealed partial class BootstrapAdmin(StaffAccounts accounts, IOptions<StaffOptions> options, ILogger<BootstrapAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyAdminAsync(cancellationToken)) return;
        var bootstrap = options.Value.BootstrapAdmin;
        var password = bootstrap.Password;
        if (string.IsNullOrEmpty(password) && !string.IsNullOrEmpty(bootstrap.PasswordFile)) password = File.ReadAllText(bootstrap.PasswordFile).Trim();
        if (string.IsNullOrWhiteSpace(bootstrap.UserName) || string.IsNullOrEmpty(password))
        {
            LogNoAdmin();
            return;
        }
        // A bad bootstrap password stops the start with the reason: better than a gateway nobody can administer.
        try
        {
            await accounts.CreateAsync(bootstrap.UserName, password, [StaffRoles.Admin], actor: "configuration", cancellationToken: cancellationToken);
            LogCreated(bootstrap.UserName);
        }
        catch (StaffAccountException)
        {
            // Several gateways started at once on one PostgreSQL database: another instance created the admin first.
            if (!await accounts.AnyAdminAsync(cancellationToken)) throw;
            LogCreatedElsewhere(bootstrap.UserName);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff admin exists. Create one: dotnet run --project gateway/SelfService.Gateway -- staff add <name> --role admin (the password is read from the terminal or stdin), or set Staff:BootstrapAdmin:UserName and Staff:BootstrapAdmin:Password")]
    private partial void LogNoAdmin();

    [LoggerMessage(Level = LogLevel.Information, Message = "The first admin '{UserName}' was created by another gateway instance starting at the same time")]
    private partial void LogCreatedElsewhere(string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin '{UserName}' from configuration")]
    private partial void LogCreated(string userName);
}
