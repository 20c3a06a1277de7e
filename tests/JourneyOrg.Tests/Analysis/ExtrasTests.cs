using JourneyOrg.Analysis;
using static JourneyOrg.Tests.Analysis.TestWorkspace;

namespace JourneyOrg.Tests.Analysis;

public sealed class CommonManagerTests
{
    private static TestWorkspace Org() => new TestWorkspace()
        .Person("ceo").Person("cto", "ceo").Person("cpo", "ceo").Person("eng-lead", "cto").Person("pay-lead", "cto").Person("ux-lead", "cpo")
        .Journey("j", Phase("p1", Step("s1"), Step("s2")), Phase("p2", Step("s3")))
        .Team("t-eng", lead: "eng-lead").Team("t-pay", lead: "pay-lead").Team("t-ux", lead: "ux-lead").Team("t-nolead");

    private static CommonManager For(TestWorkspace ws, string target)
    {
        var workspace = ws.Build();
        return CommonManagerAnalysis.Find(workspace, AlignmentAnalysis.Analyze(workspace)).Single(c => c.TargetId == target);
    }

    [Fact]
    public void Lowest_common_manager_of_two_leads_is_the_first_manager_they_share()
    {
        var ws = Org().Owns("t-eng", "s1").Owns("t-pay", "s2");
        Assert.Equal("cto", For(ws, "p1").ManagerId);
    }

    [Fact]
    public void Lowest_common_manager_of_a_journey_spans_all_its_phases()
    {
        var ws = Org().Owns("t-eng", "p1").Owns("t-ux", "p2");
        Assert.Equal("eng-lead", For(ws, "p1").ManagerId);
        Assert.Equal("ceo", For(ws, "j").ManagerId);
        Assert.Equal(["eng-lead", "ux-lead"], For(ws, "j").LeadIds);
    }

    [Fact]
    public void A_lead_who_manages_the_other_lead_is_the_common_manager()
    {
        var ws = Org().Team("t-cto", lead: "cto").Owns("t-cto", "s1").Owns("t-eng", "s2");
        Assert.Equal("cto", For(ws, "p1").ManagerId);
    }

    [Fact]
    public void Without_owning_teams_or_leads_there_is_no_common_manager()
    {
        var ws = Org().Owns("t-nolead", "s1");
        var p1 = For(ws, "p1");
        Assert.Null(p1.ManagerId);
        Assert.Equal(["t-nolead"], p1.TeamsWithoutLead);
        Assert.Null(For(ws, "p2").ManagerId);
    }

    [Fact]
    public void Leads_in_separate_reporting_trees_have_no_common_manager()
    {
        var ws = Org().Person("other-ceo").Team("t-other", lead: "other-ceo").Owns("t-other", "s1").Owns("t-eng", "s2");
        Assert.Null(For(ws, "p1").ManagerId);
    }
}

public sealed class DataQualityTests
{
    private static List<DataQualityFinding> Findings(TestWorkspace ws, string kind) =>
        DataQualityAnalysis.Check(ws.Build()).Where(f => f.Kind == kind).ToList();

    private static string[] Five(string prefix) => [.. Enumerable.Range(1, 5).Select(i => $"{prefix}{i}")];

    [Fact]
    public void Person_whose_manager_is_not_in_the_directory_is_flagged()
    {
        var f = Assert.Single(Findings(new TestWorkspace().Person("a", "ghost"), DataQualityKinds.MissingManager));
        Assert.Equal("a", f.SubjectId);
        Assert.Equal(["ghost"], f.RelatedIds);
    }

    [Fact]
    public void Person_reporting_to_a_disabled_account_is_flagged()
    {
        var f = Assert.Single(Findings(new TestWorkspace().Person("boss", enabled: false).Person("a", "boss"), DataQualityKinds.DisabledManager));
        Assert.Equal("a", f.SubjectId);
    }

    [Fact]
    public void Reporting_cycle_is_flagged_once_with_everyone_on_it()
    {
        var f = Assert.Single(Findings(new TestWorkspace().Person("a", "c").Person("b", "a").Person("c", "b").Person("d", "a"), DataQualityKinds.ReportingCycle));
        Assert.Equal(["a", "b", "c"], f.RelatedIds.Order());
    }

    [Fact]
    public void Enabled_person_in_no_team_is_flagged_but_a_disabled_one_is_not()
    {
        var findings = Findings(new TestWorkspace().Person("loose").Person("gone", enabled: false).Team("t", members: "u1"), DataQualityKinds.PersonInNoTeam);
        Assert.Equal(["loose"], findings.Select(f => f.SubjectId));
    }

    [Fact]
    public void Team_without_a_lead_or_with_an_unknown_lead_is_flagged()
    {
        var findings = Findings(new TestWorkspace().Person("l").Team("t-ok", lead: "l").Team("t-none").Team("t-ghost", lead: "ghost"), DataQualityKinds.TeamWithoutLead);
        Assert.Equal(["t-none", "t-ghost"], findings.Select(f => f.SubjectId));
    }

    [Fact]
    public void Team_outside_5_to_9_enabled_people_is_flagged_but_units_containing_teams_are_not()
    {
        var ws = new TestWorkspace()
            .Team("t-tribe", members: "lead")
            .Team("t-ok", parent: "t-tribe", members: Five("ok"))
            .Team("t-small", parent: "t-tribe", members: ["s1", "s2", "s3", "s4"])
            .Team("t-big", parent: "t-tribe", members: [.. Enumerable.Range(1, 10).Select(i => $"b{i}")]);
        Assert.Equal(["t-small", "t-big"], Findings(ws, DataQualityKinds.TeamSize).Select(f => f.SubjectId));
    }

    [Fact]
    public void Managers_with_a_span_of_one_or_more_than_12_are_flagged()
    {
        var ws = new TestWorkspace().Person("ceo").Person("solo-mgr", "ceo").Person("only", "solo-mgr").Person("wide", "ceo");
        for (var i = 0; i < 13; i++) ws.Person($"r{i}", "wide");
        Assert.Equal(["solo-mgr"], Findings(ws, DataQualityKinds.SpanOfOne).Select(f => f.SubjectId));
        Assert.Equal(["wide"], Findings(ws, DataQualityKinds.SpanTooWide).Select(f => f.SubjectId));
    }
}
