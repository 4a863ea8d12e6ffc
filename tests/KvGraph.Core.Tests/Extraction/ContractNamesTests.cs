using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Extraction;

/// <summary>
/// <see cref="ExtractionJson.Name{T}"/> names an enum value from <see cref="ContractNames"/> (the fields' contract names,
/// no System.Text.Json call, so a native kvgraph can name kinds): every value of every model enum with contract names
/// gets the text the reflection-based serializer wrote before (the names in the JSON contract and the store), and the
/// store's reader reads each name back to its value.
/// </summary>
public sealed class ContractNamesTests
{
    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly MethodInfo NameMethod = typeof(ExtractionJson).GetMethod(nameof(ExtractionJson.Name))!;

    [Fact]
    public void Every_value_of_every_enum_with_contract_names_is_named_as_the_reflection_serializer_named_it()
    {
        var named = typeof(ExtractedDocument).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(JsonStringEnumMemberNameAttribute))))
            .ToList();
        Assert.Equal(5, named.Count);
        var checkedValues = 0;
        foreach (var type in named)
        {
            var table = new ContractNames(type);
            foreach (var value in Enum.GetValues(type))
            {
                var expected = JsonSerializer.Serialize(value, type, Reflection).Trim('"');
                Assert.Equal(expected, (string)NameMethod.MakeGenericMethod(type).Invoke(null, [value])!);
                Assert.Equal(expected, table.NameOf(value));
                Assert.Equal(value, table.ValueOf(expected));
                Assert.Equal(value, JsonSerializer.Deserialize($"\"{expected}\"", type, Reflection));
                checkedValues++;
            }

            Assert.Null(table.ValueOf("no-such-name"));
        }

        Assert.True(checkedValues >= 30, $"only {checkedValues} enum values");
        Assert.Equal("part-of-month", ExtractionJson.Name(DatePrecision.PartOfMonth));

        // A value the enum does not declare is written as its number, as the converter wrote it.
        Assert.Equal(JsonSerializer.Serialize((CitationKind)99, Reflection), ExtractionJson.Name((CitationKind)99));
    }

    [Fact]
    public void An_enum_without_contract_names_is_an_error_naming_it()
    {
        var e = Assert.Throws<TypeInitializationException>(() => ExtractionJson.Name(DayOfWeek.Monday));
        var inner = Assert.IsType<NotSupportedException>(e.InnerException);
        Assert.Contains("System.DayOfWeek", inner.Message, StringComparison.Ordinal);
        Assert.Contains("JsonStringEnumMemberName", inner.Message, StringComparison.Ordinal);
    }
}
