using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>The one place the screens call the analysis engine.</summary>
public static class Alignment
{
    /// <summary>SPEC §3 over the workspace. Nullable so a screen can still render if no analysis is available.</summary>
    public static AlignmentReport? Analyze(Workspace workspace) => AlignmentAnalysis.Analyze(workspace);
}
