using System.Globalization;
using System.Text.Json;
using System.Runtime.CompilerServices;
using JourneyOrg.Domain;

[assembly: InternalsVisibleTo("JourneyOrg.Tests")]

namespace JourneyOrg.Workspaces;

/// <summary>
/// Builds the model in one pass over the UTF-8 bytes with a <see cref="Utf8JsonReader"/>: no <see cref="JsonDocument"/>,
/// no property lookups, no paths. It knows only well-formed documents: at the first thing <see cref="WorkspaceReader"/>
/// would report (malformed JSON, a wrong type, a missing field, an unknown kind, a field given twice) it gives up and
/// returns null, and the document reader reads the file again to say what and where. So both readers build the same
/// model from every document this one accepts, and every message comes from one place.
/// </summary>
internal static partial class WorkspaceFastReader
{
    private sealed class GiveUp : Exception;

    private static readonly GiveUp Stop = new();

    /// <summary>Files this large or larger have their people read by every core (<see cref="PeopleSplit"/>).</summary>
    internal const int SplitThreshold = 4 << 20;

    /// <summary>The workspace in <paramref name="utf8"/>, or null when the document reader must read it (see above).</summary>
    public static Workspace? TryRead(ReadOnlyMemory<byte> utf8) =>
        TryRead(utf8, utf8.Length >= SplitThreshold ? Math.Min(Environment.ProcessorCount, 8) : 1);

    /// <summary><see cref="TryRead(ReadOnlyMemory{byte})"/> with the people read in <paramref name="parts"/> parts (tests force it on small files).</summary>
    internal static Workspace? TryRead(ReadOnlyMemory<byte> utf8, int parts) => TryRead(utf8, parts, out _);

    /// <summary>… and how many people the helpers read (tests check that the parts are really taken).</summary>
    internal static Workspace? TryRead(ReadOnlyMemory<byte> utf8, int parts, out int peopleFromHelpers)
    {
        peopleFromHelpers = 0;
        if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        using var split = parts > 1 ? new PeopleSplit(utf8, parts) : null;
        var reader = new Utf8JsonReader(utf8.Span, Options);
        try
        {
            var workspace = ReadWorkspace(ref reader, split);
            peopleFromHelpers = split?.PeopleFromHelpers ?? 0;
            return reader.Read() ? null : workspace;
        }
        catch (GiveUp)
        {
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Malformed JSON or text the reader cannot decode: the document reader says where.
            return null;
        }
    }

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    private static Workspace ReadWorkspace(ref Utf8JsonReader r, PeopleSplit? split)
    {
        Next(ref r, JsonTokenType.StartObject);
        string? format = null, currency = null;
        IReadOnlyList<Journey> journeys = [];
        IReadOnlyList<Person> people = [];
        IReadOnlyList<Team> teams = [];
        IReadOnlyList<Role> roles = [];
        IReadOnlyList<Ownership> ownership = [];
        IReadOnlyList<Metric> metrics = [];
        IReadOnlyList<Insight> insights = [];
        IReadOnlyList<Opportunity> opportunities = [];
        IReadOnlyList<Solution> solutions = [];
        IReadOnlyList<PersonCost> costs = [];
        var weights = PrioritisationWeights.Default;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "format"u8, 0, ref seen)) format = String(ref r);
            else if (Is(ref r, "journeys"u8, 1, ref seen)) journeys = Array(ref r, ReadJourney);
            else if (Is(ref r, "people"u8, 2, ref seen)) people = split is null ? Array(ref r, ReadPerson) : split.ReadPeople(ref r);
            else if (Is(ref r, "teams"u8, 3, ref seen)) teams = Array(ref r, ReadTeam);
            else if (Is(ref r, "roles"u8, 4, ref seen)) roles = Array(ref r, ReadRole);
            else if (Is(ref r, "ownership"u8, 5, ref seen)) ownership = Array(ref r, ReadOwnership);
            else if (Is(ref r, "metrics"u8, 6, ref seen)) metrics = Array(ref r, ReadMetric);
            else if (Is(ref r, "insights"u8, 7, ref seen)) insights = Array(ref r, ReadInsight);
            else if (Is(ref r, "opportunities"u8, 8, ref seen)) opportunities = Array(ref r, ReadOpportunity);
            else if (Is(ref r, "solutions"u8, 9, ref seen)) solutions = Array(ref r, ReadSolution);
            else if (Is(ref r, "costs"u8, 10, ref seen)) costs = Array(ref r, ReadCost);
            else if (Is(ref r, "currency"u8, 11, ref seen)) currency = String(ref r);
            else if (Is(ref r, "prioritisation"u8, 12, ref seen)) weights = ReadWeights(ref r);
            else Skip(ref r);
        }
        if (format != WorkspaceFormat.Name) throw Stop;
        return new Workspace(journeys, people, teams, roles, ownership, metrics)
        {
            Insights = insights, Opportunities = opportunities, Solutions = solutions, Weights = weights, Costs = costs,
            Currency = currency ?? CostCurrency.Default,
        };
    }

    private delegate T ReadItem<out T>(ref Utf8JsonReader r);

    private static Journey ReadJourney(ref Utf8JsonReader r)
    {
        string? id = null, name = null, parentId = null, description = null;
        IReadOnlyList<Phase> phases = [];
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "name"u8, 1, ref seen)) name = String(ref r);
            else if (Is(ref r, "parentId"u8, 2, ref seen)) parentId = String(ref r);
            else if (Is(ref r, "description"u8, 3, ref seen)) description = String(ref r);
            else if (Is(ref r, "phases"u8, 4, ref seen)) phases = Array(ref r, ReadPhase);
            else Skip(ref r);
        }
        return new Journey(Required(id), Required(name), parentId, description ?? "", phases);
    }

    private static Phase ReadPhase(ref Utf8JsonReader r)
    {
        string? id = null, name = null;
        IReadOnlyList<Step> steps = [];
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "name"u8, 1, ref seen)) name = String(ref r);
            else if (Is(ref r, "steps"u8, 2, ref seen)) steps = Array(ref r, ReadStep);
            else Skip(ref r);
        }
        return new Phase(Required(id), Required(name), steps);
    }

    private static Step ReadStep(ref Utf8JsonReader r)
    {
        string? id = null, name = null, subjourney = null;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "name"u8, 1, ref seen)) name = String(ref r);
            else if (Is(ref r, "subjourneyId"u8, 2, ref seen)) subjourney = String(ref r);
            else Skip(ref r);
        }
        return new Step(Required(id), Required(name), subjourney);
    }

    private static Person ReadPerson(ref Utf8JsonReader r)
    {
        string? id = null, displayName = null, mail = null, jobTitle = null, department = null, managerId = null, roleId = null,
            upn = null, employeeId = null, employeeType = null, office = null, source = null;
        bool? enabled = null;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "displayName"u8, 1, ref seen)) displayName = String(ref r);
            else if (Is(ref r, "mail"u8, 2, ref seen)) mail = String(ref r);
            else if (Is(ref r, "jobTitle"u8, 3, ref seen)) jobTitle = String(ref r);
            else if (Is(ref r, "department"u8, 4, ref seen)) department = String(ref r);
            else if (Is(ref r, "managerId"u8, 5, ref seen)) managerId = String(ref r);
            else if (Is(ref r, "roleId"u8, 6, ref seen)) roleId = String(ref r);
            else if (Is(ref r, "accountEnabled"u8, 7, ref seen)) enabled = Boolean(ref r);
            else if (Is(ref r, "userPrincipalName"u8, 8, ref seen)) upn = String(ref r);
            else if (Is(ref r, "employeeId"u8, 9, ref seen)) employeeId = String(ref r);
            else if (Is(ref r, "employeeType"u8, 10, ref seen)) employeeType = String(ref r);
            else if (Is(ref r, "officeLocation"u8, 11, ref seen)) office = String(ref r);
            else if (Is(ref r, "source"u8, 12, ref seen)) source = String(ref r);
            else Skip(ref r);
        }
        return new Person(Required(id), Required(displayName), mail, jobTitle, department, managerId, roleId, enabled ?? true,
            upn, employeeId, employeeType, office, source ?? RecordSource.Local);
    }

    private static Team ReadTeam(ref Utf8JsonReader r)
    {
        string? id = null, name = null, parentId = null, leadId = null, type = null, description = null, source = null;
        IReadOnlyList<Membership> members = [];
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "name"u8, 1, ref seen)) name = String(ref r);
            else if (Is(ref r, "parentId"u8, 2, ref seen)) parentId = String(ref r);
            else if (Is(ref r, "leadId"u8, 3, ref seen)) leadId = String(ref r);
            else if (Is(ref r, "type"u8, 4, ref seen)) type = String(ref r);
            else if (Is(ref r, "members"u8, 5, ref seen)) members = Array(ref r, ReadMembership);
            else if (Is(ref r, "description"u8, 6, ref seen)) description = String(ref r);
            else if (Is(ref r, "source"u8, 7, ref seen)) source = String(ref r);
            else Skip(ref r);
        }
        return new Team(Required(id), Required(name), parentId, leadId, type, members, description, source ?? RecordSource.Local);
    }

    private static Membership ReadMembership(ref Utf8JsonReader r)
    {
        string? personId = null;
        double? allocation = null;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "personId"u8, 0, ref seen)) personId = String(ref r);
            else if (Is(ref r, "allocation"u8, 1, ref seen)) allocation = Number(ref r);
            else Skip(ref r);
        }
        return new Membership(Required(personId), allocation ?? 1.0);
    }

    private static Role ReadRole(ref Utf8JsonReader r)
    {
        string? id = null, title = null, family = null, level = null;
        double? cost = null;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "title"u8, 1, ref seen)) title = String(ref r);
            else if (Is(ref r, "family"u8, 2, ref seen)) family = String(ref r);
            else if (Is(ref r, "level"u8, 3, ref seen)) level = String(ref r);
            else if (Is(ref r, "annualCost"u8, 4, ref seen)) cost = Number(ref r);
            else Skip(ref r);
        }
        return new Role(Required(id), Required(title), family, level) { AnnualCost = cost };
    }

    private static Ownership ReadOwnership(ref Utf8JsonReader r)
    {
        string? teamId = null, targetId = null, kindText = null;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "teamId"u8, 0, ref seen)) teamId = String(ref r);
            else if (Is(ref r, "targetId"u8, 1, ref seen)) targetId = String(ref r);
            else if (Is(ref r, "kind"u8, 2, ref seen)) kindText = String(ref r);
            else Skip(ref r);
        }
        if (!OwnershipKinds.TryParse(kindText ?? OwnershipKinds.Accountable, out var kind)) throw Stop;
        return new Ownership(Required(teamId), Required(targetId), kind);
    }

    private static Metric ReadMetric(ref Utf8JsonReader r)
    {
        string? id = null, targetId = null, name = null, unit = null, direction = null, type = null, description = null, ownerId = null,
            aggregation = null, importKey = null;
        double? value = null, target = null;
        IReadOnlyList<string> teamIds = [];
        IReadOnlyList<MetricDataPoint> points = [];
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "targetId"u8, 1, ref seen)) targetId = String(ref r);
            else if (Is(ref r, "name"u8, 2, ref seen)) name = String(ref r);
            else if (Is(ref r, "unit"u8, 3, ref seen)) unit = String(ref r);
            else if (Is(ref r, "value"u8, 4, ref seen)) value = Number(ref r);
            else if (Is(ref r, "target"u8, 5, ref seen)) target = Number(ref r);
            else if (Is(ref r, "direction"u8, 6, ref seen)) direction = String(ref r);
            else if (Is(ref r, "type"u8, 7, ref seen)) type = String(ref r);
            else if (Is(ref r, "description"u8, 8, ref seen)) description = String(ref r);
            else if (Is(ref r, "ownerId"u8, 9, ref seen)) ownerId = String(ref r);
            else if (Is(ref r, "teamIds"u8, 10, ref seen)) teamIds = Strings(ref r);
            else if (Is(ref r, "aggregation"u8, 11, ref seen)) aggregation = String(ref r);
            else if (Is(ref r, "importKey"u8, 12, ref seen)) importKey = String(ref r);
            else if (Is(ref r, "dataPoints"u8, 13, ref seen)) points = Array(ref r, ReadDataPoint);
            else Skip(ref r);
        }
        return new Metric(Required(id), targetId ?? "", Required(name), unit, value, target, direction)
        {
            Type = type, Description = description, OwnerId = ownerId, TeamIds = teamIds, Aggregation = aggregation, ImportKey = importKey,
            DataPoints = points.Count > 0 ? points : System.Array.Empty<MetricDataPoint>(),
        };
    }

    private static MetricDataPoint ReadDataPoint(ref Utf8JsonReader r)
    {
        string? dateText = null;
        double? value = null;
        List<MetricDimension>? dimensions = null;
        List<MetricInput>? inputs = null;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "date"u8, 0, ref seen)) dateText = String(ref r);
            else if (Is(ref r, "value"u8, 1, ref seen)) value = Number(ref r);
            else if (Is(ref r, "dimensions"u8, 2, ref seen)) dimensions = Map(ref r, (ref Utf8JsonReader x, string key) => new MetricDimension(key, String(ref x) ?? throw Stop));
            else if (Is(ref r, "inputs"u8, 3, ref seen)) inputs = Map(ref r, (ref Utf8JsonReader x, string key) => new MetricInput(key, Number(ref x) ?? throw Stop));
            else Skip(ref r);
        }
        if (value is null || !DateOnly.TryParseExact(Required(dateText), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Stop;
        var sortedDimensions = dimensions is { Count: > 0 }
            ? dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).ToList()
            : (IReadOnlyList<MetricDimension>)System.Array.Empty<MetricDimension>();
        return new MetricDataPoint(date, sortedDimensions, value.Value) { Inputs = inputs?.OrderBy(i => i.Name, StringComparer.Ordinal).ToList() };
    }

    private static Insight ReadInsight(ref Utf8JsonReader r)
    {
        string? id = null, title = null, description = null, type = null, sourceUrl = null, ownerId = null, importKey = null;
        double? empathy = null, weight = null;
        IReadOnlyList<string> stepIds = [], teamIds = [];
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "title"u8, 1, ref seen)) title = String(ref r);
            else if (Is(ref r, "description"u8, 2, ref seen)) description = String(ref r);
            else if (Is(ref r, "type"u8, 3, ref seen)) type = String(ref r);
            else if (Is(ref r, "sourceUrl"u8, 4, ref seen)) sourceUrl = String(ref r);
            else if (Is(ref r, "empathyScore"u8, 5, ref seen)) empathy = Number(ref r);
            else if (Is(ref r, "weight"u8, 6, ref seen)) weight = Number(ref r);
            else if (Is(ref r, "stepIds"u8, 7, ref seen)) stepIds = Strings(ref r);
            else if (Is(ref r, "ownerId"u8, 8, ref seen)) ownerId = String(ref r);
            else if (Is(ref r, "teamIds"u8, 9, ref seen)) teamIds = Strings(ref r);
            else if (Is(ref r, "importKey"u8, 10, ref seen)) importKey = String(ref r);
            else Skip(ref r);
        }
        return new Insight(Required(id), Required(title), description ?? "", type, sourceUrl, empathy, weight)
        {
            StepIds = stepIds, OwnerId = ownerId, TeamIds = teamIds, ImportKey = importKey,
        };
    }

    private static Opportunity ReadOpportunity(ref Utf8JsonReader r)
    {
        string? id = null, title = null, description = null, status = null, teamId = null, ownerId = null, importKey = null;
        double? customer = null, business = null, effort = null;
        IReadOnlyList<string> targetIds = [], links = [];
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "title"u8, 1, ref seen)) title = String(ref r);
            else if (Is(ref r, "description"u8, 2, ref seen)) description = String(ref r);
            else if (Is(ref r, "status"u8, 3, ref seen)) status = String(ref r);
            else if (Is(ref r, "teamId"u8, 4, ref seen)) teamId = String(ref r);
            else if (Is(ref r, "customerValue"u8, 5, ref seen)) customer = Number(ref r);
            else if (Is(ref r, "businessValue"u8, 6, ref seen)) business = Number(ref r);
            else if (Is(ref r, "effort"u8, 7, ref seen)) effort = Number(ref r);
            else if (Is(ref r, "targetIds"u8, 8, ref seen)) targetIds = Strings(ref r);
            else if (Is(ref r, "ownerId"u8, 9, ref seen)) ownerId = String(ref r);
            else if (Is(ref r, "externalLinks"u8, 10, ref seen)) links = Strings(ref r);
            else if (Is(ref r, "importKey"u8, 11, ref seen)) importKey = String(ref r);
            else Skip(ref r);
        }
        return new Opportunity(Required(id), Required(title), description ?? "", status, teamId, customer, business, effort)
        {
            TargetIds = targetIds, OwnerId = ownerId, ExternalLinks = links, ImportKey = importKey,
        };
    }

    private static Solution ReadSolution(ref Utf8JsonReader r)
    {
        string? id = null, title = null, description = null, type = null, status = null, teamId = null, ownerId = null, priority = null, importKey = null;
        IReadOnlyList<string> opportunityIds = [], links = [];
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) id = String(ref r);
            else if (Is(ref r, "title"u8, 1, ref seen)) title = String(ref r);
            else if (Is(ref r, "description"u8, 2, ref seen)) description = String(ref r);
            else if (Is(ref r, "type"u8, 3, ref seen)) type = String(ref r);
            else if (Is(ref r, "status"u8, 4, ref seen)) status = String(ref r);
            else if (Is(ref r, "teamId"u8, 5, ref seen)) teamId = String(ref r);
            else if (Is(ref r, "opportunityIds"u8, 6, ref seen)) opportunityIds = Strings(ref r);
            else if (Is(ref r, "ownerId"u8, 7, ref seen)) ownerId = String(ref r);
            else if (Is(ref r, "priority"u8, 8, ref seen)) priority = String(ref r);
            else if (Is(ref r, "externalLinks"u8, 9, ref seen)) links = Strings(ref r);
            else if (Is(ref r, "importKey"u8, 10, ref seen)) importKey = String(ref r);
            else Skip(ref r);
        }
        return new Solution(Required(id), Required(title), description ?? "", type, status, teamId)
        {
            OpportunityIds = opportunityIds, OwnerId = ownerId, Priority = priority, ExternalLinks = links, ImportKey = importKey,
        };
    }

    private static PersonCost ReadCost(ref Utf8JsonReader r)
    {
        string? personId = null;
        double? cost = null;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "personId"u8, 0, ref seen)) personId = String(ref r);
            else if (Is(ref r, "annualCost"u8, 1, ref seen)) cost = Number(ref r);
            else Skip(ref r);
        }
        return new PersonCost(Required(personId), cost ?? throw Stop);
    }

    private static PrioritisationWeights ReadWeights(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null) return PrioritisationWeights.Default;
        if (r.TokenType != JsonTokenType.StartObject) throw Stop;
        double? customer = null, business = null;
        var seen = 0;
        while (Property(ref r))
        {
            if (Is(ref r, "customerValueWeight"u8, 0, ref seen)) customer = Number(ref r);
            else if (Is(ref r, "businessValueWeight"u8, 1, ref seen)) business = Number(ref r);
            else Skip(ref r);
        }
        return new PrioritisationWeights(customer ?? PrioritisationWeights.Default.CustomerValue, business ?? PrioritisationWeights.Default.BusinessValue);
    }

    /// <summary>Moves to the next property's value; false at the end of the object. Before the first call the reader is on the value that opened it.</summary>
    private static bool Property(ref Utf8JsonReader r)
    {
        if (!r.Read()) throw Stop;
        if (r.TokenType == JsonTokenType.EndObject) return false;
        if (r.TokenType != JsonTokenType.PropertyName) throw Stop;
        return true;
    }

    /// <summary>Whether the property is <paramref name="name"/>; then reads its value. A field given twice is left to the document reader.</summary>
    private static bool Is(ref Utf8JsonReader r, ReadOnlySpan<byte> name, int field, ref int seen)
    {
        if (!r.ValueTextEquals(name)) return false;
        if ((seen & (1 << field)) != 0) throw Stop;
        seen |= 1 << field;
        if (!r.Read()) throw Stop;
        return true;
    }

    private static void Skip(ref Utf8JsonReader r)
    {
        if (!r.Read()) throw Stop;
        r.Skip();
    }

    private static void Next(ref Utf8JsonReader r, JsonTokenType expected)
    {
        if (!r.Read() || r.TokenType != expected) throw Stop;
    }

    private static string? String(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Null => null,
        _ => throw Stop,
    };

    private static string Required(string? value) => value ?? throw Stop;

    private static double? Number(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType != JsonTokenType.Number || !r.TryGetDouble(out var number) || !double.IsFinite(number)) throw Stop;
        return number;
    }

    private static bool? Boolean(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Stop,
    };

    private static IReadOnlyList<T> Array<T>(ref Utf8JsonReader r, ReadItem<T> read)
    {
        if (r.TokenType == JsonTokenType.Null) return [];
        if (r.TokenType != JsonTokenType.StartArray) throw Stop;
        var items = new List<T>();
        while (true)
        {
            if (!r.Read()) throw Stop;
            if (r.TokenType == JsonTokenType.EndArray) return items;
            if (r.TokenType != JsonTokenType.StartObject) throw Stop;
            items.Add(read(ref r));
        }
    }

    private static IReadOnlyList<string> Strings(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null) return [];
        if (r.TokenType != JsonTokenType.StartArray) throw Stop;
        List<string>? items = null;
        while (true)
        {
            if (!r.Read()) throw Stop;
            if (r.TokenType == JsonTokenType.EndArray) return items is null ? System.Array.Empty<string>() : items;
            if (r.TokenType != JsonTokenType.String) throw Stop;
            (items ??= []).Add(r.GetString()!);
        }
    }

    private delegate T ReadEntry<out T>(ref Utf8JsonReader r, string key);

    private static List<T>? Map<T>(ref Utf8JsonReader r, ReadEntry<T> read)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType != JsonTokenType.StartObject) throw Stop;
        var entries = new List<T>();
        while (true)
        {
            if (!r.Read()) throw Stop;
            if (r.TokenType == JsonTokenType.EndObject) return entries;
            var key = r.GetString()!;
            if (!r.Read()) throw Stop;
            entries.Add(read(ref r, key));
        }
    }
}
