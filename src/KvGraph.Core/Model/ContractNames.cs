using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace KvGraph.Core.Model;

/// <summary>
/// The contract names of a model enum's values: each field's <see cref="JsonStringEnumMemberNameAttribute"/>, the names the
/// enum's <see cref="JsonStringEnumConverter{TEnum}"/> writes and reads (the extraction contract, the store, the graph).
/// The one table of them: <see cref="Extraction.ExtractionJson.Name{T}"/> writes by it and the store's document reader
/// reads by it. Read once per enum from its public fields, which the trim annotation keeps in a native (AOT) kvgraph;
/// no System.Text.Json metadata is built for it (that costs a short CLI call JIT work for every enum it meets).
/// </summary>
public sealed class ContractNames
{
    private readonly Type _type;
    private readonly string[] _names;
    private readonly object[] _values;

    /// <summary>The names of <paramref name="type"/>, an enum whose every value carries a contract name.</summary>
    public ContractNames([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var fields = type.IsEnum ? type.GetFields(BindingFlags.Public | BindingFlags.Static) : [];
        var names = new string[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            names[i] = fields[i].GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? throw new NotSupportedException($"The enum {type.FullName}'s value {fields[i].Name} has no contract name (JsonStringEnumMemberName).");
        }

        if (fields.Length == 0)
        {
            throw new NotSupportedException($"{type.FullName} is not an enum with contract names (JsonStringEnumMemberName).");
        }

        _type = type;
        _names = names;
        _values = [.. fields.Select(f => f.GetValue(null)!)];
    }

    /// <summary>The contract name of <paramref name="value"/>; a value the enum does not declare, as its number (as the converter writes it).</summary>
    public string NameOf(object value)
    {
        var i = Array.IndexOf(_values, value);
        return i >= 0 ? _names[i] : ((Enum)value).ToString("D");
    }

    /// <summary>The value named <paramref name="name"/>, or null when no value has that contract name.</summary>
    public object? ValueOf(string? name)
    {
        var i = Array.IndexOf(_names, name);
        return i >= 0 ? _values[i] : null;
    }

    /// <summary>The enum's name, for messages.</summary>
    public string EnumName => _type.Name;
}
