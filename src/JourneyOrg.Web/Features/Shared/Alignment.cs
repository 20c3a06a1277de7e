using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>The one place the screens call the analysis engine.</summary>
public static class Alignment
{
    /// <summary>SPEC §3 over the workspace; null until the analysis engine is merged (screens then say so instead of showing figures).</summary>
    public static AlignmentReport? Analyze(Workspace workspace) => null;
}
