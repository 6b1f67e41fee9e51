using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.Application;
using OneStop.Referrals.Domain.Deadlines;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Data.Seed;

/// <summary>
/// Loads <see cref="DemoReferrals"/> in one transaction. Idempotent: a record whose id exists is left alone, so a
/// second run writes nothing. Seeding is the system itself, not a caller: no disclosure is audited, and each
/// referral's history is written as the path it went through (created, then each transition by its side), stamped
/// with the seed's time, so the deadline job and the inbox see an ordinary referral.
/// </summary>
public sealed class DemoSeeder(ReferralsDbContext db, CommandTransaction transaction, DeadlinePolicy deadlines)
{
    /// <summary>Returns how many records were inserted.</summary>
    public Task<int> SeedAsync(CancellationToken ct) => transaction.RunAsync(async () =>
    {
        var written = 0;
        var now = transaction.Now;
        foreach (var consent in DemoReferrals.Consents)
        {
            if (await db.Consents.AnyAsync(c => c.Id == consent.Id, ct)) continue;
            db.Consents.Add(new ConsentRecord
            {
                Id = consent.Id,
                RegionAgs = DemoReferrals.Region,
                ClientId = consent.ClientId,
                Purpose = (int)ConsentPurpose.Referral,
                Recipients = Codes.JoinIds(consent.Recipients),
                Categories = Codes.Join(consent.Categories),
                ValidFrom = now,
                ValidUntil = now.AddYears(1),
                Method = (int)ConsentMethod.SignedForm,
                RecordedByOrganizationId = DemoReferrals.IntegrationPoint,
                RecordedBy = DemoReferrals.Counsellor,
                RecordedAt = now,
                Version = 1,
            });
            written++;
        }

        if (!await db.Plans.AnyAsync(p => p.Id == DemoReferrals.PlanId, ct))
        {
            db.Plans.Add(new PlanRecord
            {
                Id = DemoReferrals.PlanId,
                RegionAgs = DemoReferrals.Region,
                ClientId = DemoReferrals.PlanClient,
                ResponsibleOrganizationId = DemoReferrals.PlanResponsible,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
                Goals =
                [
                    new GoalRecord
                    {
                        Id = DemoReferrals.GoalId,
                        PlanId = DemoReferrals.PlanId,
                        Title = "Deutsch auf B1-Niveau",
                        Category = (int)DataCategory.Languages,
                        OwnerOrganizationId = "org-mbe-caritas-lippe",
                        Status = (int)PlanItemStatus.InProgress,
                        DueDate = DateOnly.FromDateTime(now).AddMonths(9),
                        CreatedAt = now,
                        Steps =
                        [
                            new StepRecord
                            {
                                Id = DemoReferrals.StepId,
                                GoalId = DemoReferrals.GoalId,
                                PlanId = DemoReferrals.PlanId,
                                Title = "Integrationskurs mit Kinderbetreuung finden",
                                OwnerOrganizationId = "org-mbe-caritas-lippe",
                                Status = (int)PlanItemStatus.Open,
                                DueDate = DateOnly.FromDateTime(now).AddMonths(1),
                                CreatedAt = now,
                                Version = 1,
                            },
                        ],
                    },
                ],
            });
            written++;
        }

        foreach (var demo in DemoReferrals.Referrals)
        {
            if (await db.Referrals.AnyAsync(r => r.Id == demo.Id, ct)) continue;
            var referral = new ReferralRecord
            {
                Id = demo.Id,
                RegionAgs = DemoReferrals.Region,
                SenderOrganizationId = DemoReferrals.IntegrationPoint,
                SenderCounsellor = DemoReferrals.Counsellor,
                ReceiverServiceId = demo.ServiceId,
                ReceiverOrganizationId = demo.OrganizationId,
                ClientId = demo.ClientId,
                Urgency = (int)Urgency.Routine,
                SharedCategories = Codes.Join([DataCategory.Needs]),
                State = (int)ReferralState.Draft,
                PlanStepId = demo.PlanStepId,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
                Reason = demo.Reason,
                Needs = Codes.Join([demo.Need]),
            };
            db.Referrals.Add(referral);
            transaction.RecordEvent(referral, ReferralEventKind.Created, ReferralRole.Sender, DemoReferrals.IntegrationPoint,
                DemoReferrals.Counsellor, ReferralState.Unspecified, ReferralState.Draft);
            foreach (var to in demo.Path)
            {
                var from = (ReferralState)referral.State;
                var sender = to == ReferralState.Requested;
                if (sender)
                {
                    referral.DueAt = deadlines.DueAt(referral.RegionAgs, referral.ReceiverServiceId, Urgency.Routine, now);
                    referral.ExpiresAt = deadlines.ExpiresAt(referral.RegionAgs, referral.DueAt.Value);
                }
                referral.State = (int)to;
                referral.Version++;
                var outcome = to == ReferralState.Completed ? demo.Outcome : ReferralOutcome.Unspecified;
                if (to == ReferralState.Completed) referral.Outcome = (int)outcome;
                if (to == ReferralState.Rejected) referral.RejectionReason = demo.RejectionReason;
                transaction.RecordEvent(referral, ReferralEventKind.Transition, sender ? ReferralRole.Sender : ReferralRole.Receiver,
                    sender ? DemoReferrals.IntegrationPoint : demo.OrganizationId, sender ? DemoReferrals.Counsellor : "demo-counsellor-receiver",
                    from, to, outcome, to == ReferralState.Rejected ? demo.RejectionReason : "");
            }
            written++;
        }
        return written;
    }, ct);
}
