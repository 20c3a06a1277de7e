using JourneyOrg.Storage;
using JourneyOrg.Templates;

namespace JourneyOrg.Web.Cli;

/// <summary><c>templates</c> lists the starter journey frameworks; <c>templates apply NAME</c> adds one to the store.</summary>
public sealed class TemplatesVerb : ICliVerb
{
    public string Name => "templates";

    public string Summary => "List the starter journey frameworks, or add one to the workspace (templates apply NAME)";

    public string Help => $"""
        usage: journeyorg templates
               journeyorg templates apply NAME [--store SPEC]

        Without arguments, lists the built-in journey templates, one per line: the name, then what it covers.
        'apply NAME' adds that template's journeys (lifecycle, domains, journeys with phases and steps, reusable
        sub-journeys; no people or teams) to the store, merged with what is there. If the workspace already uses any
        of the template's ids, nothing is added and every such id is printed on stderr.
        {CliStore.Help}

        exit codes: 0 done, 1 usage error (unknown template), 2 refused (ids already used; nothing was written)
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, [CliArguments.Store], [], maxPositionals: 2);
        if (options.Positionals.Count == 0)
        {
            var width = JourneyTemplates.All.Max(t => t.Name.Length) + 2;
            foreach (var t in JourneyTemplates.All) await stdout.WriteLineAsync($"{t.Name.PadRight(width)}{t.Title}: {t.Description}");
            return CliApp.Success;
        }
        if (options.Positionals[0] != "apply") throw new CliUsageException($"unknown action '{options.Positionals[0]}' (only 'apply NAME')");
        if (options.Positionals.Count < 2) throw new CliUsageException("apply needs the NAME of a template (see 'journeyorg templates')");
        if (JourneyTemplates.Find(options.Positionals[1]) is not { } template)
            throw new CliUsageException($"no template is called '{options.Positionals[1]}'; choose one of {string.Join(", ", JourneyTemplates.All.Select(t => t.Name))}");

        var store = await CliStore.OpenAsync(options.Value(CliArguments.Store), cancellationToken);
        TemplateApplication result;
        try
        {
            result = await JourneyTemplates.ApplyAsync(store, template, cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            await stderr.WriteLineAsync($"{Name}: the workspace changed while the template was being added; nothing was added, try again");
            return CliApp.InvalidInput;
        }
        if (result.Clashes.Count > 0)
        {
            await stderr.WriteLineAsync($"{Name}: the workspace already uses {result.Clashes.Count} of the template's ids; nothing was added:");
            foreach (var id in result.Clashes) await stderr.WriteLineAsync($"  {id}");
            return CliApp.InvalidInput;
        }
        if (!result.Applied)
        {
            foreach (var error in result.Errors) await stderr.WriteLineAsync(error.ToString());
            return CliApp.InvalidInput;
        }
        await stdout.WriteLineAsync($"Added the {template.Title} template ({result.Added} journeys) to {store.Description} (revision {result.Revision}).");
        return CliApp.Success;
    }
}
