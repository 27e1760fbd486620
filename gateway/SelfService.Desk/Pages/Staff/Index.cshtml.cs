using System.Security.Claims;

namespace SelfService.Desk.Pages.Staff;

public sealed class IndexModel : DeskPageModel
{
    public IReadOnlyList<string> Roles => User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public void OnGet()
    {
    }
}
