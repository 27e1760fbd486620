using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace SelfService.Desk.Pages.Staff;

[AllowAnonymous]
public sealed class DeniedModel : DeskPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
