using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>One name field of an operation form, empty, being typed, or with a record chosen. Rendered by _PickField.</summary>
public sealed record PickField(string ScenarioId, string Op, OperationField Field, string? ChosenId, string? Text, string? Problem)
{
    public string Kind => Field.Refers;
    public string DomId => DomIds.PickField(Field.Name);
}

/// <summary>The members and owned journey parts of the team being split, to tick the ones that move. Rendered by _SplitLists.</summary>
public sealed record SplitLists(OrgView Org, Team? Team)
{
    public const int MaxShown = 500;
    public const string DomId = "split-lists";
}
