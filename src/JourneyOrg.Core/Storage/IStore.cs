namespace JourneyOrg.Storage;

/// <summary>
/// One store whole: what the composition roots open (the web app's services, the command line, tests) and what a new
/// store implements. Everything else asks for the narrowest part it uses, so a reader of a class sees what it touches.
/// One contract test suite runs against every implementation.
/// </summary>
public interface IStore : IWorkspaceStore, IScenarioStore, IStateStore, IAccountStore;
