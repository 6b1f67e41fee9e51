using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Referrals.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionAgs = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorSubject = table.Column<string>(type: "text", nullable: false),
                    ActorOrganizationId = table.Column<string>(type: "text", nullable: false),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    Resource = table.Column<string>(type: "text", nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    ConsentId = table.Column<string>(type: "text", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DisclosedToOrganizationId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    RegionAgs = table.Column<string>(type: "text", nullable: false),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Recipients = table.Column<string>(type: "text", nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    InterpreterLanguage = table.Column<string>(type: "text", nullable: false),
                    RecordedByOrganizationId = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawalNote = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    RegionAgs = table.Column<string>(type: "text", nullable: false),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    ResponsibleOrganizationId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "referral_events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReferralId = table.Column<string>(type: "text", nullable: false),
                    RegionAgs = table.Column<string>(type: "text", nullable: false),
                    SenderOrganizationId = table.Column<string>(type: "text", nullable: false),
                    ReceiverOrganizationId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorOrganizationId = table.Column<string>(type: "text", nullable: false),
                    ActorSubject = table.Column<string>(type: "text", nullable: false),
                    ActorRole = table.Column<int>(type: "integer", nullable: false),
                    FromState = table.Column<int>(type: "integer", nullable: false),
                    ToState = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    AppointmentId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_events", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    RegionAgs = table.Column<string>(type: "text", nullable: false),
                    SenderOrganizationId = table.Column<string>(type: "text", nullable: false),
                    SenderCounsellor = table.Column<string>(type: "text", nullable: false),
                    ReceiverServiceId = table.Column<string>(type: "text", nullable: false),
                    ReceiverOrganizationId = table.Column<string>(type: "text", nullable: false),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    SharedCategories = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    RejectionReason = table.Column<string>(type: "text", nullable: false),
                    StatusReason = table.Column<string>(type: "text", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Overdue = table.Column<bool>(type: "boolean", nullable: false),
                    PlanStepId = table.Column<string>(type: "text", nullable: false),
                    AppointmentId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Needs = table.Column<string>(type: "text", nullable: false),
                    Languages = table.Column<string>(type: "text", nullable: false),
                    InterpreterNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    InterpreterLanguage = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false),
                    Attachments = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_goals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    PlanId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    OwnerOrganizationId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_goals_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_steps",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    GoalId = table.Column<string>(type: "text", nullable: false),
                    PlanId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    OwnerOrganizationId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_steps_plan_goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "plan_goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_RegionAgs_ClientId_Id",
                table: "audit_entries",
                columns: new[] { "RegionAgs", "ClientId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_RegionAgs_Id",
                table: "audit_entries",
                columns: new[] { "RegionAgs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_consents_RegionAgs_ClientId",
                table: "consents",
                columns: new[] { "RegionAgs", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_goals_PlanId",
                table: "plan_goals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_steps_GoalId",
                table: "plan_steps",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_steps_PlanId",
                table: "plan_steps",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_plans_RegionAgs_ClientId",
                table: "plans",
                columns: new[] { "RegionAgs", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referral_events_ReferralId_Sequence",
                table: "referral_events",
                columns: new[] { "ReferralId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_referral_events_RegionAgs_Sequence",
                table: "referral_events",
                columns: new[] { "RegionAgs", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RegionAgs_ClientId",
                table: "referrals",
                columns: new[] { "RegionAgs", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RegionAgs_Overdue_DueAt",
                table: "referrals",
                columns: new[] { "RegionAgs", "Overdue", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RegionAgs_ReceiverOrganizationId_CreatedAt",
                table: "referrals",
                columns: new[] { "RegionAgs", "ReceiverOrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RegionAgs_ReceiverOrganizationId_State_CreatedAt",
                table: "referrals",
                columns: new[] { "RegionAgs", "ReceiverOrganizationId", "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RegionAgs_SenderOrganizationId_CreatedAt",
                table: "referrals",
                columns: new[] { "RegionAgs", "SenderOrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_State_DueAt",
                table: "referrals",
                columns: new[] { "State", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "plan_steps");

            migrationBuilder.DropTable(
                name: "referral_events");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "plan_goals");

            migrationBuilder.DropTable(
                name: "plans");
        }
    }
}
