using JourneyOrg.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>
/// Runs syncs for the web app: "Sync now" and the schedule both go through here, so this instance runs at most one
/// at a time (the store lease covers other instances), and the admin page can poll the progress of the current run.
/// </summary>
public sealed class DirectorySyncCoordinator(IWorkspaceStore store, IStateStore stateStore, IOptionsMonitor<DirectorySyncOptions> options, ILogger<DirectorySyncCoordinator> logger)
{
    private readonly Lock _gate = new();
    private Task? _running;
    private SyncProgress? _progress;
    private string? _lastMessage;

    public DirectorySyncOptions Options => options.CurrentValue;

    /// <summary>Where the sync keeps its runs, delta links and overrides; the admin page reads them.</summary>
    public IStateStore State => stateStore;

    public string StoreDescription => store.Description;

    /// <summary>The progress of the run in this instance, or null when none runs here.</summary>
    public SyncProgress? Progress { get { lock (_gate) return _running is null ? null : _progress; } }

    /// <summary>Why the last "Sync now" did not start or ended without a run record (configuration, lease).</summary>
    public string? LastMessage { get { lock (_gate) return _lastMessage; } }

    public bool IsRunning { get { lock (_gate) return _running is not null; } }

    /// <summary>Starts a run in the background unless one already runs here; returns false in that case.</summary>
    public bool TryStart(string trigger, bool full = false) => TryStart(trigger, full, CancellationToken.None, out _);

    /// <summary>
    /// Starts a run unless one already runs here, and hands back the running task so the schedule can await it. Every
    /// run starts here, under the gate: a run the schedule starts shows its progress on the admin page, and "Sync now"
    /// during it is refused instead of starting a second run.
    /// </summary>
    public bool TryStart(string trigger, bool full, CancellationToken cancellationToken, out Task run)
    {
        lock (_gate)
        {
            if (_running is not null)
            {
                run = Task.CompletedTask;
                return false;
            }
            _progress = new SyncProgress("", "starting", 0, 0, 0, 0, 0, null, 0, "Starting…");
            _lastMessage = null;
            run = _running = Task.Run(() => RunAsync(trigger, full, cancellationToken), CancellationToken.None);
            return true;
        }
    }

    private async Task RunAsync(string trigger, bool full, CancellationToken cancellationToken)
    {
        // Audited as whoever started it (the admin behind "Sync now", or system for the schedule).
        using var audit = AuditContext.BeginAction($"directory sync ({trigger}{(full ? ", full" : "")})");
        try
        {
            var runner = new DirectorySyncRunner(store, stateStore, options.CurrentValue);
            var run = await runner.RunAsync(new SyncRequest(trigger, Full: full), new Reporter(this), cancellationToken);
            logger.LogInformation("Directory sync {RunId} {Outcome}: {Counts}; {Pages} pages, {Throttling} throttling events{Error}",
                run.Id, run.Outcome, run.Counts, run.Pages, run.ThrottlingEvents, run.Error is null ? "" : "; " + run.Error);
        }
        catch (Exception error) when (error is DirectorySyncConfigurationException or SyncAlreadyRunningException)
        {
            lock (_gate) _lastMessage = error.Message;
            logger.LogWarning("Directory sync did not run: {Reason}", error.Message);
        }
        catch (Exception error)
        {
            lock (_gate) _lastMessage = error.Message;
            logger.LogError(error, "Directory sync crashed");
        }
        finally
        {
            lock (_gate) _running = null;
        }
    }

    private sealed class Reporter(DirectorySyncCoordinator owner) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) { lock (owner._gate) owner._progress = value; }
    }
}

/// <summary>Syncs on the configured schedule (<c>JourneyOrg:Directory:Schedule</c>); does nothing when it is off.</summary>
public sealed class DirectorySyncSchedule(DirectorySyncCoordinator coordinator, IOptionsMonitor<DirectorySyncOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.CurrentValue.Schedule;
        if (!schedule.Enabled) return;
        await Task.Delay(schedule.InitialDelay, time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            // "Sync now" may be running: then this tick is skipped rather than queued.
            if (coordinator.TryStart("schedule", full: false, stoppingToken, out var run)) await run;
            var interval = options.CurrentValue.Schedule.Interval;
            await Task.Delay(interval > TimeSpan.FromMinutes(1) ? interval : TimeSpan.FromMinutes(1), time, stoppingToken);
        }
    }
}

public static class DirectorySyncSetup
{
    /// <summary>Registers the directory sync: options from <c>JourneyOrg:Directory</c>, the coordinator and the schedule.</summary>
    public static IServiceCollection AddDirectorySync(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DirectorySyncOptions>(configuration.GetSection(DirectorySyncOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectorySyncCoordinator>();
        services.AddHostedService<DirectorySyncSchedule>();
        return services;
    }

    /// <summary>The options as configured (appsettings.json, environment), for the CLI.</summary>
    public static DirectorySyncOptions Read(IConfiguration configuration) =>
        configuration.GetSection(DirectorySyncOptions.Section).Get<DirectorySyncOptions>() ?? new DirectorySyncOptions();
}
