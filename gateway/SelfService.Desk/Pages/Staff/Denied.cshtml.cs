using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;

namespace SelfService.Desk.Pages.Staff;

[AllowAnonymous]
public sealed class DeniedModel : DeskPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
