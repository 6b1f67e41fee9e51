using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Directory.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Web.Pages;

/// <summary>Public search of the directory by topic, language and municipality (a GET form: results can be bookmarked).</summary>
public sealed class IndexModel(ServiceClients clients, DirectoryLookups lookups, UiText text, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>The languages a visitor can ask advice in (ISO 639-1), the county's most asked-for first.</summary>
    public static readonly string[] AdviceLanguages = ["de", "en", "ar", "uk", "ru", "tr", "fa", "fr", "es"];

    [BindProperty(SupportsGet = true)] public int Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<DirectoryLookups.Choice> Municipalities { get; private set; } = [];
    public SearchServicesResponse? Results { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Municipalities = await lookups.MunicipalitiesAsync(ct);
            if (!Request.Query.Any()) return;
            var request = new SearchServicesRequest { ResponseLanguage = Languages.Current, PageSize = 50 };
            if (Enum.IsDefined(typeof(Topic), Topic) && Topic != 0) request.Topics.Add((Topic)Topic);
            if (Language is { Length: > 0 } && AdviceLanguages.Contains(Language)) request.Language = Language;
            if (Municipality is { Length: > 0 } && Municipalities.Any(m => m.Id == Municipality)) request.MunicipalityAgs = Municipality;
            if (Q is { Length: > 0 }) request.Text = Q.Length > 200 ? Q[..200] : Q;
            Results = await clients.Directory.SearchServicesAsync(request, deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: ct);
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
        }
    }
}
