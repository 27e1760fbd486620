namespace SelfService.Commands.Menus;

/// <summary>The menu file is not valid; the message says where and what to fix.</summary>
public sealed class MenuCatalogueException : Exception
{
    public MenuCatalogueException() { }
    public MenuCatalogueException(string message) : base(message) { }
    public MenuCatalogueException(string message, Exception innerException) : base(message, innerException) { }
}
