using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Skills.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profile_versions",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionAgs = table.Column<string>(type: "text", nullable: false),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    OwnerOrganizationId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Change = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorSubject = table.Column<string>(type: "text", nullable: false),
                    ActorOrganizationId = table.Column<string>(type: "text", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_versions", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionAgs = table.Column<string>(type: "text", nullable: false),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    OwnerOrganizationId = table.Column<string>(type: "text", nullable: false),
                    Area = table.Column<string>(type: "text", nullable: false),
                    GermanListening = table.Column<int>(type: "integer", nullable: false),
                    GermanReading = table.Column<int>(type: "integer", nullable: false),
                    GermanSpeaking = table.Column<int>(type: "integer", nullable: false),
                    GermanWriting = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "profile_occupations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileId = table.Column<long>(type: "bigint", nullable: false),
                    RegionAgs = table.Column<string>(type: "text", nullable: false),
                    KldbCode = table.Column<string>(type: "text", nullable: false),
                    MayWork = table.Column<bool>(type: "boolean", nullable: false),
                    Fact = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_occupations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_profile_occupations_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_profile_occupations_ProfileId",
                table: "profile_occupations",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_profile_occupations_RegionAgs_KldbCode_ProfileId",
                table: "profile_occupations",
                columns: new[] { "RegionAgs", "KldbCode", "ProfileId" });

            migrationBuilder.CreateIndex(
                name: "IX_profile_versions_RegionAgs_ClientId_Version",
                table: "profile_versions",
                columns: new[] { "RegionAgs", "ClientId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_profile_versions_RegionAgs_Sequence",
                table: "profile_versions",
                columns: new[] { "RegionAgs", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_profiles_RegionAgs_ClientId",
                table: "profiles",
                columns: new[] { "RegionAgs", "ClientId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "profile_occupations");

            migrationBuilder.DropTable(
                name: "profile_versions");

            migrationBuilder.DropTable(
                name: "profiles");
        }
    }
}
