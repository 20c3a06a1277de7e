using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>
/// Talks to Microsoft Graph through the SDK's <see cref="GraphServiceClient"/>: builds it from the configured
/// credentials, and pages through users and groups delta, handing each object to the stage as it arrives.
/// </summary>
public sealed class DirectoryGraph(GraphServiceClient client)
{
    /// <summary>Bumped when <see cref="UserSelect"/> changes, so stored delta links made for other fields are not reused.</summary>
    public const int UserSelectVersion = 1;

    public static readonly string[] UserSelect =
    [
        "id", "displayName", "mail", "userPrincipalName", "jobTitle", "department", "employeeId", "employeeType",
        "officeLocation", "accountEnabled", "manager",
    ];

    public static readonly string[] GroupSelect = ["displayName", "description", "members"];

    public GraphServiceClient Client => client;

    /// <summary>Creates the SDK client with our throttling handler in place of the SDK's retry handler.</summary>
    public static DirectoryGraph Create(DirectorySyncOptions options, string? token, SyncCounters counters)
    {
        var baseUrl = options.GraphUrl.TrimEnd('/');
        var host = new Uri(baseUrl).Host;
        IAuthenticationProvider auth = token is { Length: > 0 }
            ? new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(token, host))
            : options.Credential.Kind.Equals("token", StringComparison.OrdinalIgnoreCase)
                ? new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(options.Credential.Token ?? "", host))
                // The scope follows the Graph host, so national clouds get tokens for their own audience.
                : new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(
                    Credential(options.Credential), [host], null, true, $"https://{host}/.default");

        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.FirstOrDefault(h => h is RetryHandler);
        var index = retry is null ? 0 : handlers.IndexOf(retry);
        if (retry is not null) handlers.Remove(retry);
        handlers.Insert(index, new ThrottlingHandler(options, counters));
        var http = GraphClientFactory.Create(handlers);
        http.Timeout = TimeSpan.FromMinutes(5);
        return new DirectoryGraph(new GraphServiceClient(http, auth, baseUrl));
    }

    private static TokenCredential Credential(DirectoryCredentialOptions c) => c.Kind.ToLowerInvariant() switch
    {
        CredentialKinds.ClientSecret => new ClientSecretCredential(c.TenantId, c.ClientId, c.ClientSecret),
        CredentialKinds.Certificate => new ClientCertificateCredential(c.TenantId, c.ClientId,
            X509CertificateLoader.LoadPkcs12FromFile(c.CertificatePath!, c.CertificatePassword)),
        CredentialKinds.ManagedIdentity => string.IsNullOrWhiteSpace(c.ManagedIdentityClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(c.ManagedIdentityClientId)),
        CredentialKinds.AzureCli => new AzureCliCredential(new AzureCliCredentialOptions { TenantId = c.TenantId }),
        _ => throw new DirectorySyncException(string.Join(" ", c.Problems())),
    };

    /// <summary>
    /// Reads users from <paramref name="deltaLink"/> (or a full read when null) and returns the next delta link.
    /// <paramref name="onPage"/> runs after each page with the page number and the number of objects in it.
    /// </summary>
    public Task<string> ReadUsersAsync(string? deltaLink, Action<User> onUser, Func<int, int, Task> onPage, CancellationToken cancellationToken) =>
        ReadDeltaAsync(
            deltaLink is null
                ? client.Users.Delta.ToGetRequestInformation(r => r.QueryParameters.Select = UserSelect)
                : new Microsoft.Graph.Users.Delta.DeltaRequestBuilder(deltaLink, client.RequestAdapter).ToGetRequestInformation(),
            deltaLink is not null,
            next => new Microsoft.Graph.Users.Delta.DeltaRequestBuilder(next, client.RequestAdapter).ToGetRequestInformation(),
            Microsoft.Graph.Users.Delta.DeltaGetResponse.CreateFromDiscriminatorValue,
            page =>
            {
                var users = page.Value ?? [];
                foreach (var user in users) onUser(user);
                return (users.Count, page.OdataDeltaLink);
            },
            onPage, "users", cancellationToken);

    public Task<string> ReadGroupsAsync(string? deltaLink, Action<Group> onGroup, Func<int, int, Task> onPage, CancellationToken cancellationToken) =>
        ReadDeltaAsync(
            deltaLink is null
                ? client.Groups.Delta.ToGetRequestInformation(r => r.QueryParameters.Select = GroupSelect)
                : new Microsoft.Graph.Groups.Delta.DeltaRequestBuilder(deltaLink, client.RequestAdapter).ToGetRequestInformation(),
            deltaLink is not null,
            next => new Microsoft.Graph.Groups.Delta.DeltaRequestBuilder(next, client.RequestAdapter).ToGetRequestInformation(),
            Microsoft.Graph.Groups.Delta.DeltaGetResponse.CreateFromDiscriminatorValue,
            page =>
            {
                var groups = page.Value ?? [];
                foreach (var group in groups) onGroup(group);
                return (groups.Count, page.OdataDeltaLink);
            },
            onPage, "groups", cancellationToken);

    /// <summary>
    /// Pages through a delta query with one page in flight ahead: as soon as page n's bytes are in, its
    /// <c>@odata.nextLink</c> is read off them and page n+1 is requested, and the SDK parses page n (and the stage takes
    /// its objects) while n+1 downloads. Requests go through the SDK's request adapter and its handlers (authentication,
    /// our throttling handler, redirects, compression), and the SDK's own model classes parse the pages.
    /// </summary>
    private async Task<string> ReadDeltaAsync<TPage>(
        RequestInformation first, bool fromSyncState, Func<string, RequestInformation> nextRequest, ParsableFactory<TPage> parse,
        Func<TPage, (int Objects, string? DeltaLink)> take, Func<int, int, Task> onPage, string what, CancellationToken cancellationToken)
        where TPage : IParsable
    {
        Task<byte[]>? download = DownloadAsync(first, fromSyncState, cancellationToken);
        try
        {
            for (var number = 1; ; number++)
            {
                var bytes = await download;
                var next = NextLinkOf(bytes);
                // Every page after the first comes from a nextLink, which carries Graph's sync state.
                download = next is null ? null : DownloadAsync(nextRequest(next), fromSyncState: true, cancellationToken);
                var root = await PageParser.GetRootParseNodeAsync("application/json", new MemoryStream(bytes, writable: false), cancellationToken);
                var page = root.GetObjectValue(parse) ?? throw new DirectorySyncException($"Graph answered a {what} delta page with nothing.");
                var (objects, deltaLink) = take(page);
                await onPage(number, objects);
                if (download is null)
                    return deltaLink ?? throw new DirectorySyncException($"Graph ended the {what} delta without a delta link.");
            }
        }
        finally
        {
            // A run that stops (an error, the lease lost, cancelled) leaves at most one request behind; its outcome is not needed.
            _ = download?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>What the SDK's request adapter parses a JSON answer with (its models' backing store marked as loaded).</summary>
    private static readonly IAsyncParseNodeFactory PageParser = new Microsoft.Kiota.Abstractions.Store.BackingStoreParseNodeFactory(new JsonParseNodeFactory());

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private async Task<byte[]> DownloadAsync(RequestInformation request, bool fromSyncState, CancellationToken cancellationToken)
    {
        var body = await Call(() => client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken), fromSyncState)
            ?? throw new DirectorySyncException("Graph answered a delta request with no body.");
        await using (body)
        {
            using var bytes = new MemoryStream();
            await body.CopyToAsync(bytes, cancellationToken);
            return bytes.ToArray();
        }
    }

    /// <summary>The page's top-level <c>@odata.nextLink</c>, wherever Graph puts it among the page's properties.</summary>
    private static string? NextLinkOf(byte[] page)
    {
        var reader = new Utf8JsonReader(page);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                if (reader.ValueTextEquals("@odata.nextLink"u8))
                {
                    reader.Read();
                    return reader.GetString();
                }
                reader.Read();
                reader.Skip();
            }
        }
        return null;
    }

    /// <summary>Every direct member of a group (used when a group becomes a team between two delta runs).</summary>
    public async Task ReadMembersAsync(StagedGroup staged, CancellationToken cancellationToken)
    {
        staged.UserMembers = new(StringComparer.OrdinalIgnoreCase);
        staged.GroupMembers = new(StringComparer.OrdinalIgnoreCase);
        var page = await Call(() => client.Groups[staged.Id].Members.GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken), false);
        while (page is not null)
        {
            foreach (var member in page.Value ?? [])
                DirectoryStage.AddMember(staged, member.OdataType, member.Id, present: true);
            if (page.OdataNextLink is not { } next) break;
            page = await Call(() => new Microsoft.Graph.Groups.Item.Members.MembersRequestBuilder(next, client.RequestAdapter)
                .GetAsync(cancellationToken: cancellationToken), false);
        }
        staged.MembersComplete = true;
    }

    /// <summary>The groups a group is a direct member of.</summary>
    public async Task<List<string>> ReadParentGroupsAsync(string groupId, CancellationToken cancellationToken)
    {
        var parents = new List<string>();
        var page = await Call(() => client.Groups[groupId].MemberOf.GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken), false);
        while (page is not null)
        {
            parents.AddRange((page.Value ?? []).Where(o => o.OdataType is null or "#microsoft.graph.group" && o.Id is not null).Select(o => o.Id!));
            if (page.OdataNextLink is not { } next) break;
            page = await Call(() => new Microsoft.Graph.Groups.Item.MemberOf.MemberOfRequestBuilder(next, client.RequestAdapter)
                .GetAsync(cancellationToken: cancellationToken), false);
        }
        return parents;
    }

    private static async Task<T> Call<T>(Func<Task<T>> request, bool fromSyncState)
    {
        try
        {
            return await request();
        }
        catch (ODataError error) when (fromSyncState && IsExpiredSyncState(error))
        {
            throw new DeltaLinkExpiredException(error.Error?.Message ?? error.Message, error);
        }
        catch (ODataError error)
        {
            throw new DirectorySyncException(
                $"Graph answered {error.ResponseStatusCode} {error.Error?.Code}: {error.Error?.Message ?? error.Message}", error);
        }
    }

    private static bool IsExpiredSyncState(ODataError error) =>
        error.ResponseStatusCode == 410
        || error.Error?.Code is "syncStateNotFound" or "syncStateInvalid" or "resyncRequired" or "resyncApplicationRequired";

    private sealed class StaticTokenProvider(string token, string host) : IAccessTokenProvider
    {
        // The token goes only to the configured Graph host, never to a host a nextLink might name.
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
    }
}

/// <summary>A sync run failed for a reason an admin can act on; the message says which.</summary>
public class DirectorySyncException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Graph no longer knows the stored delta link (410 Gone / syncStateNotFound): a full sync is needed.</summary>
public sealed class DeltaLinkExpiredException(string message, Exception? inner = null) : DirectorySyncException(message, inner);
