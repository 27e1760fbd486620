namespace SelfService.Testing.Peers;

/// <summary>Where a delivery receipt carries its facts.</summary>
public enum SmscReceiptFormat
{
    /// <summary>The <c>id:… stat:…</c> text in short_message.</summary>
    Text,

    /// <summary>Only the TLVs receipted_message_id (0x001E) and message_state (0x0427); short_message is empty.</summary>
    Tlv,

    Both,
}
