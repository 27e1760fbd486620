namespace SelfService.Channels.Sms.Tests.Support;

/// <summary>What the scripted SMSC does with a submit_sm: answer it, cut the connection, or keep quiet.</summary>
public enum SmscAnswerKind { Respond, Drop, Silent }
