using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.Referrals.V1;

namespace OneStop.Gateway.Web.Pages.Staff.Referrals;

/// <summary>
/// The signed-in user's organization's referrals (ListReferrals): the inbox (what others send it) or the outbox (what
/// it sent), filtered by state and overdue. Rows carry no shared content; a referral is opened on its own page.
/// </summary>
public sealed class IndexModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text, ILogger<IndexModel> logger) : PageModel
{
    public sealed record Row(Referral Referral, string Service, string Counterpart);

    [BindProperty(SupportsGet = true)] public string Box { get; set => field = value ?? ""; } = "inbox";
    [BindProperty(SupportsGet = true)] public int State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "after")] public string PageToken { get; set => field = value ?? ""; } = "";

    public bool IsOutbox => Box == "outbox";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string NextPageToken { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var request = new ListReferralsRequest
        {
            Box = IsOutbox ? OneStop.Referrals.V1.Box.Outbox : OneStop.Referrals.V1.Box.Inbox,
            OverdueOnly = Overdue,
            PageSize = 50,
            PageToken = PageToken.Length <= 200 ? PageToken : "",
        };
        if (State > 0 && System.Enum.IsDefined(typeof(ReferralState), State)) request.States.Add((ReferralState)State);
        try
        {
            var page = await clients.Referrals.ListReferralsAsync(request, await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
            var rows = new List<Row>();
            foreach (var r in page.Referrals)
            {
                var counterpart = IsOutbox ? r.ReceiverOrganizationId : r.SenderOrganizationId;
                rows.Add(new Row(r, await lookups.ServiceNameAsync(r.ReceiverServiceId, ct), await lookups.OrganizationNameAsync(counterpart, ct)));
            }
            Rows = rows;
            NextPageToken = page.NextPageToken;
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
        }
    }
}
