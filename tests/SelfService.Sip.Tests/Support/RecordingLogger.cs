using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SelfService.Sip.Tests.Support;

/// <summary>Keeps what the user agent logs at Warning and above: its edge handler logs there what it had to catch.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Problems { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) Problems.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
