using Microsoft.Playwright;

namespace SelfService.Gateway.Tests.Desk;

/// <summary>What a member of staff does first in the browser: sign in on the page.</summary>
internal static class StaffBrowser
{
    public static async Task SignInAsync(IPage page, string userName, string password, string path = "/staff")
    {
        await page.GotoAsync(path);
        await page.Locator("input[name=UserName]").FillAsync(userName);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForSelectorAsync("[data-test=who]");
    }
}
