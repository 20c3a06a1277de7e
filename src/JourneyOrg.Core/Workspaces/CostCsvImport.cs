using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;

namespace JourneyOrg.Workspaces;

/// <summary>A planned upload of people cost: the change when the file is valid, else every bad row.</summary>
public sealed record CostCsvResult(WorkspaceChangeSet? Changes, IReadOnlyList<CsvError> Errors, int Rows);

/// <summary>
/// People cost from CSV (SPEC §5), all or nothing. The header names the columns, in any order, case-insensitive:
/// <c>personId</c> or <c>mail</c> (either, or both: the id wins), and <c>annualCost</c> (a number ≥ 0, thousands separators
/// allowed). Each row sets that person's cost; people the file does not mention keep theirs. Every bad row is named by its
/// line and value: an unknown person, a person twice, a negative amount, something that is not a number.
/// </summary>
public static class CostCsvImport
{
    public static CostCsvResult Plan(Workspace current, TextReader text)
    {
        var errors = new List<CsvError>();
        using var rows = CsvRows.Read(text).Where(r => r.Fields.Any(f => f.Length > 0)).GetEnumerator();
        if (!rows.MoveNext())
            return new CostCsvResult(null, [new CsvError(1, 0, "the file is empty; the first line names the columns: personId (or mail),annualCost")], 0);
        var header = rows.Current.Fields.Select(h => h.TrimStart('\uFEFF').Trim().ToLowerInvariant()).ToArray();
        int idColumn = Array.IndexOf(header, "personid"), mailColumn = Array.IndexOf(header, "mail"), costColumn = Array.IndexOf(header, "annualcost");
        if ((idColumn < 0 && mailColumn < 0) || costColumn < 0)
            return new CostCsvResult(null,
                [new CsvError(rows.Current.Line, 0, $"the first line must name the columns personId (or mail) and annualCost; found {string.Join(",", rows.Current.Fields)}")], 0);

        var people = current.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var byMail = current.People.Where(p => !string.IsNullOrWhiteSpace(p.Mail))
            .GroupBy(p => p.Mail!.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var costs = new List<PersonCost>();
        var count = 0;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            count++;
            string Field(int column) => column >= 0 && column < row.Fields.Count ? row.Fields[column] : "";
            var id = Field(idColumn);
            var mail = Field(mailColumn);
            string? person = null;
            if (id.Length > 0)
            {
                if (people.Contains(id)) person = id;
                else errors.Add(new CsvError(row.Line, idColumn + 1, $"no person with id '{id}'"));
            }
            else if (mail.Length > 0)
            {
                if (!byMail.TryGetValue(mail, out var matches)) errors.Add(new CsvError(row.Line, mailColumn + 1, $"no person with mail '{mail}'"));
                else if (matches.Count > 1)
                    errors.Add(new CsvError(row.Line, mailColumn + 1, $"{matches.Count} people share the mail '{mail}' ({string.Join(", ", matches.Select(p => p.Id))}); give the personId instead"));
                else person = matches[0].Id;
            }
            else errors.Add(new CsvError(row.Line, 0, "names no person: give a personId or a mail"));

            var costText = Field(costColumn);
            var cost = ParseAmount(costText);
            if (costText.Length == 0) errors.Add(new CsvError(row.Line, costColumn + 1, "annualCost is empty"));
            else if (cost is null) errors.Add(new CsvError(row.Line, costColumn + 1, $"annualCost '{costText}' is not a number"));
            else if (cost < 0) errors.Add(new CsvError(row.Line, costColumn + 1, $"annualCost {costText} is negative; a cost is 0 or more"));

            if (person is null) continue;
            if (seen.TryGetValue(person, out var firstLine))
                errors.Add(new CsvError(row.Line, 0, $"person '{person}' is listed twice (first on line {firstLine}); give one annual cost per person"));
            else
            {
                seen.Add(person, row.Line);
                if (cost is >= 0) costs.Add(new PersonCost(person, cost.Value));
            }
        }
        if (count == 0) errors.Add(new CsvError(1, 0, "the file has a header but no rows"));
        return errors.Count > 0 ? new CostCsvResult(null, errors, count) : new CostCsvResult(new WorkspaceChangeSet { UpsertCosts = costs }, [], count);
    }

    // Thousands separators (comma, space, apostrophe, underscore) are common in HR exports; a decimal point is a point.
    private static double? ParseAmount(string text)
    {
        var cleaned = new string(text.Where(c => c is not (',' or ' ' or '\'' or '_' or '\u00a0')).ToArray());
        return double.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) ? value : null;
    }
}
