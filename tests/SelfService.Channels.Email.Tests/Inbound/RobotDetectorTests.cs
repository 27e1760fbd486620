using MimeKit;
using SelfService.Channels.Email.Inbound;

namespace SelfService.Channels.Email.Tests.Inbound;

public class RobotDetectorTests
{
    private const string Special = "selfservice@gateway.test";

    /// <summary>Headers (name: value lines) and whether a robot sent them.</summary>
    private static readonly object[] Cases =
    [
        new object[] { "From: anna@customers.test", false },
        new object[] { "From: anna@customers.test\nAuto-Submitted: no", false },
        new object[] { "From: anna@customers.test\nAuto-Submitted: No (a person)", false },
        new object[] { "From: anna@customers.test\nAuto-Submitted: auto-replied", true },
        new object[] { "From: anna@customers.test\nAuto-Submitted: auto-generated", true },
        new object[] { "From: anna@customers.test\nReturn-Path: <>", true },
        new object[] { "From: anna@customers.test\nReturn-Path: <anna@customers.test>", false },
        new object[] { "From: anna@customers.test\nPrecedence: bulk", true },
        new object[] { "From: anna@customers.test\nPrecedence: JUNK", true },
        new object[] { "From: anna@customers.test\nPrecedence: list", true },
        new object[] { "From: anna@customers.test\nPrecedence: first-class", false },
        new object[] { "From: anna@customers.test\nList-Id: <news.customers.test>", true },
        new object[] { "From: anna@customers.test\nList-Unsubscribe: <mailto:leave@customers.test>", true },
        new object[] { "From: anna@customers.test\nX-Autoreply: yes", true },
        new object[] { "From: anna@customers.test\nContent-Type: multipart/report; report-type=delivery-status; boundary=x", true },
        new object[] { "From: Mail Delivery System <MAILER-DAEMON@customers.test>", true },
        new object[] { "From: postmaster@customers.test", true },
        new object[] { "From: \"Shop\" <noreply@shop.test>", true },
        new object[] { "From: no-reply@shop.test", true },
        new object[] { "From: SelfService <SelfService@Gateway.test>", true },
        new object[] { "From: noreplyanna@customers.test", false },
    ];

    [TestCaseSource(nameof(Cases))]
    public void Reason_Table(string headers, bool robot)
    {
        var list = new HeaderList();
        foreach (var line in headers.Split('\n'))
        {
            var colon = line.IndexOf(':');
            list.Add(line[..colon], line[(colon + 1)..].Trim());
        }

        var reason = RobotDetector.Reason(list, Special);

        Assert.That(reason is not null, Is.EqualTo(robot), reason ?? "no reason");
    }
}
