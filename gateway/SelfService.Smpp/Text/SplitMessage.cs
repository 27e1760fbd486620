namespace SelfService.Smpp;

/// <summary>A text cut into message parts with one codec.</summary>
/// <param name="Codec">The codec of every part.</param>
/// <param name="Method">How the parts are tied together (irrelevant with one part).</param>
/// <param name="Reference">The concatenation reference shared by the parts (0 for a single part).</param>
/// <param name="Parts">The parts, in order.</param>
public sealed record SplitMessage(ISmsTextCodec Codec, ConcatenationMethod Method, int Reference, IReadOnlyList<MessagePart> Parts)
{
    public byte DataCoding => Codec.DataCoding;
}
