namespace JourneyOrg.Storage;

/// <summary>
/// Who is changing things right now, for the audit entries the stores write inside their own transactions. Ambient, so
/// that no write path can forget it: the web app sets it per request from the signed-in user, the CLI for its verb, a
/// directory sync for its run; without one, entries name <see cref="AuditActor.System"/>.
/// </summary>
public static class AuditContext
{
    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    public static AuditActor Current => Ambient.Value ?? AuditActor.System;

    /// <summary>Sets the actor (and what they are doing) until the returned scope is disposed.</summary>
    public static IDisposable Begin(string actor, string? action = null, string? correlationId = null)
    {
        var previous = Ambient.Value;
        Ambient.Value = new AuditActor(actor, action, correlationId);
        return new Scope(previous);
    }

    /// <summary>Keeps the current actor and names what they are doing now (e.g. a directory sync they started).</summary>
    public static IDisposable BeginAction(string action) => Begin(Current.Actor, action, Current.CorrelationId);

    private sealed class Scope(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

/// <summary>The ambient actor: a user name (or <c>system</c>, <c>cli:…</c>), what they are doing, the request's correlation id.</summary>
public sealed record AuditActor(string Actor, string? Action, string? CorrelationId)
{
    public static AuditActor System { get; } = new("system", null, null);
}
