using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;

namespace JourneyOrg.Workspaces;

// The rules of journey management: metrics' types and series, insights, opportunities, solutions and the weights.
public static partial class WorkspaceValidator
{
    private sealed partial class Check
    {
        private void RegisterJourneyManagementIds()
        {
            RegisterAll(workspace.Insights, "insights", Kind.Insight, x => x.Id, x => x.Title, "title");
            RegisterAll(workspace.Opportunities, "opportunities", Kind.Opportunity, x => x.Id, x => x.Title, "title");
            RegisterAll(workspace.Solutions, "solutions", Kind.Solution, x => x.Id, x => x.Title, "title");
        }

        private void CheckJourneyManagement()
        {
            var importKeys = new Dictionary<(string, string), string>();
            void ImportKey(string section, string? key, string path)
            {
                if (key is null) return;
                if (key.Length == 0) Error(JsonPath.Property(path, "importKey"), "importKey is empty; leave it out instead");
                else if (!importKeys.TryAdd((section, key), path))
                    Error(JsonPath.Property(path, "importKey"), $"importKey '{key}' is already used at {importKeys[(section, key)]}; re-imports match records by it");
            }

            for (var i = 0; i < workspace.Metrics.Count; i++)
            {
                var metric = workspace.Metrics[i];
                var path = elementPath("metrics", i);
                if (metric.Type is not null) OneOf(metric.Type, path, "type", MetricTypes.All);
                if (metric.Aggregation is not null) OneOf(metric.Aggregation, path, "aggregation", MetricAggregations.All);
                Link(metric.OwnerId, path, "ownerId", Kind.Person);
                Links(metric.TeamIds, path, "teamIds", Kind.Team);
                ImportKey("metrics", metric.ImportKey, path);
                CheckSeries(metric, path);
            }

            for (var i = 0; i < workspace.Insights.Count; i++)
            {
                var insight = workspace.Insights[i];
                var path = elementPath("insights", i);
                if (insight.Type is not null) OneOf(insight.Type, path, "type", InsightTypes.All);
                WebLink(insight.SourceUrl, JsonPath.Property(path, "sourceUrl"));
                Finite(insight.EmpathyScore, path, "empathyScore");
                if (insight.Weight is { } weight && !(weight >= 0))
                    Error(JsonPath.Property(path, "weight"), $"weight {Number(weight)} is negative; weights are 0 or more");
                Links(insight.StepIds, path, "stepIds", Kind.Step);
                Link(insight.OwnerId, path, "ownerId", Kind.Person);
                Links(insight.TeamIds, path, "teamIds", Kind.Team);
                ImportKey("insights", insight.ImportKey, path);
            }

            for (var i = 0; i < workspace.Opportunities.Count; i++)
            {
                var o = workspace.Opportunities[i];
                var path = elementPath("opportunities", i);
                Range(o.CustomerValue, 0, 100, path, "customerValue");
                Range(o.BusinessValue, 0, 100, path, "businessValue");
                Range(o.Effort, 0, 5, path, "effort");
                for (var t = 0; t < o.TargetIds.Count; t++)
                {
                    var targetPath = JsonPath.Index(JsonPath.Property(path, "targetIds"), t);
                    if (!_ids.TryGetValue(o.TargetIds[t], out var node))
                    {
                        if (strictLinks) Error(targetPath, $"no step or phase with id '{o.TargetIds[t]}'");
                    }
                    else if (node.Kind is not (Kind.Step or Kind.Phase))
                        Error(targetPath, $"'{o.TargetIds[t]}' is a {Describe(node.Kind)} (at {PathOf(node)}); an opportunity is on steps or phases");
                }
                Link(o.TeamId, path, "teamId", Kind.Team);
                Link(o.OwnerId, path, "ownerId", Kind.Person);
                WebLinks(o.ExternalLinks, path);
                ImportKey("opportunities", o.ImportKey, path);
            }

            for (var i = 0; i < workspace.Solutions.Count; i++)
            {
                var solution = workspace.Solutions[i];
                var path = elementPath("solutions", i);
                Links(solution.OpportunityIds, path, "opportunityIds", Kind.Opportunity);
                Link(solution.TeamId, path, "teamId", Kind.Team);
                Link(solution.OwnerId, path, "ownerId", Kind.Person);
                if (solution.Priority is not null) OneOf(solution.Priority, path, "priority", SolutionPriorities.All);
                WebLinks(solution.ExternalLinks, path);
                ImportKey("solutions", solution.ImportKey, path);
            }

            var weights = workspace.Weights;
            var weightsPath = JsonPath.Property(JsonPath.Root, "prioritisation");
            if (!(weights.CustomerValue >= 0) || !double.IsFinite(weights.CustomerValue))
                Error(JsonPath.Property(weightsPath, "customerValueWeight"), "a weight is a number of 0 or more");
            if (!(weights.BusinessValue >= 0) || !double.IsFinite(weights.BusinessValue))
                Error(JsonPath.Property(weightsPath, "businessValueWeight"), "a weight is a number of 0 or more");
            if (weights.CustomerValue == 0 && weights.BusinessValue == 0)
                Error(weightsPath, "customer and business value weights are both 0; at least one must count");
        }

        private void CheckSeries(Metric metric, string path)
        {
            var seen = new Dictionary<(DateOnly, string), int>();
            var expected = MetricFormulas.InputNames(metric.Type);
            for (var d = 0; d < metric.DataPoints.Count; d++)
            {
                var point = metric.DataPoints[d];
                var pointPath = JsonPath.Index(JsonPath.Property(path, "dataPoints"), d);
                var keys = new HashSet<string>(StringComparer.Ordinal);
                for (var k = 0; k < point.Dimensions.Count; k++)
                {
                    var dimensionPath = JsonPath.Index(JsonPath.Property(pointPath, "dimensions"), k);
                    if (RequireText(point.Dimensions[k].Key, dimensionPath, "key") && !keys.Add(point.Dimensions[k].Key))
                        Error(JsonPath.Property(dimensionPath, "key"), $"dimension '{point.Dimensions[k].Key}' is given twice in this data point");
                }
                if (!seen.TryAdd((point.Date, point.DimensionKey), d))
                {
                    var set = point.DimensionKey.Length == 0 ? "no dimensions" : $"dimensions {point.DimensionKey}";
                    Error(JsonPath.Property(pointPath, "date"),
                        $"a data point for {point.Date:yyyy-MM-dd} with {set} is already at {JsonPath.Index(JsonPath.Property(path, "dataPoints"), seen[(point.Date, point.DimensionKey)])}; one per date and dimension set");
                }
                if (!double.IsFinite(point.Value)) Error(JsonPath.Property(pointPath, "value"), "value is not a finite number");
                if (point.Inputs is not { } inputs) continue;
                var inputsPath = JsonPath.Property(pointPath, "inputs");
                if (expected is null)
                {
                    Error(inputsPath, $"only NPS, CSAT, CES and RATIO metrics carry inputs; this metric's type is {metric.Type ?? "not set"}");
                    continue;
                }
                foreach (var name in expected.Where(n => inputs.All(i => i.Name != n)))
                    Error(JsonPath.Property(inputsPath, name), $"required for a {metric.Type} data point");
                foreach (var input in inputs)
                {
                    if (!expected.Contains(input.Name))
                        Error(JsonPath.Property(inputsPath, input.Name), $"not an input of a {metric.Type} data point; use {string.Join(", ", expected)}");
                    else if (input.Name != "score" && (input.Value != Math.Floor(input.Value) || !double.IsFinite(input.Value) ||
                                                       input.Name is not ("numerator" or "denominator") && input.Value < 0))
                        Error(JsonPath.Property(inputsPath, input.Name), $"{Number(input.Value)} is not a count (a whole number{(input.Name is "numerator" or "denominator" ? "" : " of 0 or more")})");
                }
            }
        }

        private void Link(string? id, string elementPath, string field, Kind expected)
        {
            if (id is null) return;
            if (_ids.ContainsKey(id) || strictLinks) Reference(id, elementPath, field, expected);
        }

        private void Links(IReadOnlyList<string> ids, string elementPath, string field, Kind expected)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                var listPath = JsonPath.Property(elementPath, field);
                if (!seen.Add(ids[i])) Error(JsonPath.Index(listPath, i), $"'{ids[i]}' is listed twice");
                else if (_ids.ContainsKey(ids[i]) || strictLinks)
                    ReferenceAt(ids[i], JsonPath.Index(listPath, i), expected);
            }
        }

        private void WebLinks(IReadOnlyList<string> links, string elementPath)
        {
            for (var i = 0; i < links.Count; i++) WebLink(links[i], JsonPath.Index(JsonPath.Property(elementPath, "externalLinks"), i));
        }

        private void WebLink(string? url, string path)
        {
            if (url is null) return;
            if (!JourneyLinks.IsWebLink(url)) Error(path, $"'{url}' is not an absolute http or https link");
        }

        private void Range(double? value, double min, double max, string elementPath, string field)
        {
            if (value is { } v && !(v >= min && v <= max))
                Error(JsonPath.Property(elementPath, field), $"{Number(v)} is out of range; {field} is from {Number(min)} to {Number(max)}");
        }

        private void Finite(double? value, string elementPath, string field)
        {
            if (value is { } v && !double.IsFinite(v)) Error(JsonPath.Property(elementPath, field), "not a finite number");
        }

        private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
