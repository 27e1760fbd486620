using SelfService.Channels.DirectLine;
using SelfService.Channels.Email;
using SelfService.Channels.Sms;
using SelfService.Channels.Telegram;
using SelfService.Channels.Ussd;
using SelfService.Channels.WebChat;
using SelfService.Desk;
using SelfService.Gateway.Api;
using SelfService.Gateway.Hosting;
using SelfService.Staff;

var staffCommand = StaffCommandLine.Split(args, out var hostArgs);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.Services.AddGatewayErrorHandling();
builder.AddGatewayReverseProxy();
builder.AddGatewayStorage();
builder.AddSelfService();
builder.Services.AddStaff();
builder.Services.AddDesk();
builder.AddGatewayMetrics();
builder.AddGatewayRateLimits();
builder.Services.AddWebChatChannel();
builder.Services.AddUssdChannel(builder.Configuration);
builder.Services.AddSmsChannel(builder.Configuration);
builder.Services.AddEmailChannel(builder.Configuration);
builder.Services.AddTelegramChannel(builder.Configuration);
builder.Services.AddDirectLineChannel(builder.Configuration);
builder.AddGatewayCampaigns();

var app = builder.Build();
if (!app.Services.TryOpenGatewayStorage()) return 2;
if (staffCommand is not null) return await StaffCommandLine.RunAsync(app.Services, staffCommand);

app.UseGatewayReverseProxy();
app.UseSecurityHeaders();
app.UseGatewayErrorHandling();
app.UseAuthentication();
app.UseStaffApiForgeryProtection();
app.UseAuthorization();
app.UseRateLimiter();
app.MapWebChat();
app.MapUssd();
app.MapTelegram();
app.MapDirectLine();
app.MapCustomerApi();
app.MapQueueApi();
app.MapOutboxApi();
app.MapKnowledgeBaseApi();
app.MapArticlePages();
app.MapCampaignApi();
app.MapStaffApi();
app.MapDesk();
app.MapGatewayMetrics();
app.MapHealth();

app.Run();
return 0;
