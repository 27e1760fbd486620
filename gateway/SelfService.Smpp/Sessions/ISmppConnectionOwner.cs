namespace SelfService.Smpp;

/// <summary>The ESME or SMSC logic above a connection: it serves the requests the connection does not answer itself.</summary>
internal interface ISmppConnectionOwner
{
    /// <summary>A request arrived (called on the read loop: start work, do not block). enquire_link and unbind are already
    /// answered by the connection; the owner sees them for its own bookkeeping.</summary>
    void OnRequest(SmppConnection connection, Pdu request);
}
