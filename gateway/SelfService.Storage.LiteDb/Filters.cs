using LiteDB;

namespace SelfService.Storage.LiteDb;

/// <summary>
/// Query filters with their values as parameters. LiteDB's Query.EQ writes the value into the expression's text, so every
/// new value is a new expression for LiteDB to compile (a dynamic method each time: it was most of the message path's CPU);
/// with parameters the text stays the same and its compiled form is reused.
/// </summary>
internal static class Filters
{
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create("$." + field + " = @0", value);

    public static BsonExpression Between(string field, BsonValue lowest, BsonValue highest) =>
        BsonExpression.Create("$." + field + " BETWEEN @0 AND @1", lowest, highest);

    public static BsonExpression AtLeast(string field, BsonValue value) => BsonExpression.Create("$." + field + " >= @0", value);

    public static BsonExpression Before(string field, BsonValue value) => BsonExpression.Create("$." + field + " < @0", value);

    /// <summary>An array field (indexed as "$.Field[*]") holding <paramref name="value"/>.</summary>
    public static BsonExpression Holds(string arrayField, BsonValue value) => BsonExpression.Create("$." + arrayField + "[*] ANY = @0", value);
}
