using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;
using OneStop.Referrals.Data;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Application;

/// <summary>Rows to contract messages. Whether the shared content goes out is decided by the caller of these methods.</summary>
public static class ReferralMapping
{
    private sealed record Attachment(string Uri, string Title, string ContentType, int Category);

    /// <summary>SQLite hands DateTimes back without a kind; every stored instant is UTC.</summary>
    public static Timestamp Stamp(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>The referral without shared content (and without the client id): lists, watch, the withheld view.</summary>
    public static Referral Summary(ReferralRecord r)
    {
        var referral = new Referral
        {
            Id = r.Id,
            RegionAgs = r.RegionAgs,
            SenderOrganizationId = r.SenderOrganizationId,
            SenderCounsellor = r.SenderCounsellor,
            ReceiverServiceId = r.ReceiverServiceId,
            ReceiverOrganizationId = r.ReceiverOrganizationId,
            Urgency = (Urgency)r.Urgency,
            State = (ReferralState)r.State,
            Outcome = (ReferralOutcome)r.Outcome,
            RejectionReason = r.RejectionReason,
            StatusReason = r.StatusReason,
            Overdue = r.Overdue,
            PlanStepId = r.PlanStepId,
            AppointmentId = r.AppointmentId,
            CreatedAt = Stamp(r.CreatedAt),
            UpdatedAt = Stamp(r.UpdatedAt),
            Version = r.Version,
            ContentWithheld = true,
        };
        referral.SharedCategories.AddRange(Codes.Split<DataCategory>(r.SharedCategories));
        if (r.DueAt is { } due) referral.DueAt = Stamp(due);
        if (r.ExpiresAt is { } expires) referral.ExpiresAt = Stamp(expires);
        return referral;
    }

    /// <summary>Everything: for the sender, and for a receiver under a covering consent.</summary>
    public static Referral Full(ReferralRecord r)
    {
        var referral = Summary(r);
        referral.ContentWithheld = false;
        referral.ClientId = r.ClientId;
        referral.Reason = r.Reason;
        referral.Needs.AddRange(Codes.Split<Topic>(r.Needs));
        referral.Languages.AddRange(Codes.SplitIds(r.Languages));
        referral.InterpreterNeeded = r.InterpreterNeeded;
        referral.InterpreterLanguage = r.InterpreterLanguage;
        referral.Note = r.Note;
        referral.Attachments.AddRange(ReadAttachments(r.Attachments));
        return referral;
    }

    public static string WriteAttachments(IEnumerable<AttachmentRef> attachments) =>
        JsonSerializer.Serialize(attachments.Select(a => new Attachment(a.Uri, a.Title, a.ContentType, (int)a.Category)).ToList());

    private static IEnumerable<AttachmentRef> ReadAttachments(string json) =>
        (JsonSerializer.Deserialize<List<Attachment>>(json) ?? []).Select(a => new AttachmentRef
        {
            Uri = a.Uri,
            Title = a.Title,
            ContentType = a.ContentType,
            Category = (DataCategory)a.Category,
        });

    public static ReferralEvent ToProto(ReferralEventRecord e) => new()
    {
        Sequence = e.Sequence,
        ReferralId = e.ReferralId,
        Kind = (ReferralEventKind)e.Kind,
        At = Stamp(e.At),
        ActorOrganizationId = e.ActorOrganizationId,
        ActorSubject = e.ActorSubject,
        ActorRole = (ReferralRole)e.ActorRole,
        FromState = (ReferralState)e.FromState,
        ToState = (ReferralState)e.ToState,
        Outcome = (ReferralOutcome)e.Outcome,
        Reason = e.Reason,
        AppointmentId = e.AppointmentId,
    };
}
