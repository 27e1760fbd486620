namespace SelfService.Gateway.Hosting;

/// <summary>Configured paths are relative to the host's content root unless absolute.</summary>
internal static class GatewayPaths
{
    public static string Resolve(IHostEnvironment environment, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path));
}
