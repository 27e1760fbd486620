using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace SelfService.Channels.DirectLine;

/// <summary>Puts the WebSocket middleware in front of the host's pipeline, so the channel registers in one line like the others.</summary>
internal sealed class WebSocketsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWebSockets();
        next(app);
    };
}
