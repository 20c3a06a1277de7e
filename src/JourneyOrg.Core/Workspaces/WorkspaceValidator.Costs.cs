using System.Globalization;
using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

// People cost (SPEC §5): one entry per existing person, no negative amounts, a currency code.
public static partial class WorkspaceValidator
{
    private sealed partial class Check
    {
        private void CheckCosts()
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < workspace.Costs.Count; i++)
            {
                var cost = workspace.Costs[i];
                var path = elementPath("costs", i);
                if (RequireText(cost.PersonId, path, "personId") && Reference(cost.PersonId, path, "personId", Kind.Person))
                {
                    if (seen.TryGetValue(cost.PersonId, out var first))
                        Error(JsonPath.Property(path, "personId"),
                            $"'{cost.PersonId}' already has a cost at {elementPath("costs", first)}; give one annual cost per person");
                    else
                        seen.Add(cost.PersonId, i);
                }
                CheckAmount(cost.AnnualCost, path);
            }
            for (var i = 0; i < workspace.Roles.Count; i++)
                if (workspace.Roles[i].AnnualCost is { } roleCost) CheckAmount(roleCost, elementPath("roles", i));
            if (!CostCurrency.IsCode(workspace.Currency))
                Error(JsonPath.Property(JsonPath.Root, "currency"),
                    $"'{workspace.Currency}' is not a currency code; write an ISO 4217 code of three capital letters, such as EUR or USD");
        }

        // Written as a negation so that NaN is refused too.
        private void CheckAmount(double amount, string elementPath)
        {
            if (!(amount >= 0 && double.IsFinite(amount)))
                Error(JsonPath.Property(elementPath, "annualCost"),
                    $"annual cost {amount.ToString(CultureInfo.InvariantCulture)} is negative; a cost is 0 or more");
        }
    }
}
