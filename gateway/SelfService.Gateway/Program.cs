using SelfService.Channels.DirectLine;
using SelfService.Channels.Email;
using SelfService.Channels.Sms;
using SelfService.Channels.Telegram;
using SelfService.Channels.Ussd;
using SelfService.Channels.WebChat;
using SelfService.Gateway.Api;
using SelfService.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGatewayErrorHandling();
builder.AddGatewayStorage();
builder.AddSelfService();
builder.Services.AddWebChatChannel();
builder.Services.AddUssdChannel(builder.Configuration);
builder.Services.AddSmsChannel(builder.Configuration);
builder.Services.AddEmailChannel(builder.Configuration);
builder.Services.AddTelegramChannel(builder.Configuration);
builder.Services.AddDirectLineChannel(builder.Configuration);

var app = builder.Build();

app.UseGatewayErrorHandling();
app.MapWebChat();
app.MapUssd();
app.MapTelegram();
app.MapDirectLine();
app.MapCustomerApi();
app.MapQueueApi();
app.MapOutboxApi();
app.MapKnowledgeBaseApi();
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));

app.Run();
