using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Directory.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "changes",
                columns: table => new
                {
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityType = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_changes", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerRegionAgs = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_locations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerRegionAgs = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    Ags = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentAgs = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions", x => x.Ags);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssuredDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OwnerOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerRegionAgs = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "services_at_location",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerRegionAgs = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_at_location", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_locations_OrganizationId",
                table: "locations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_locations_OwnerRegionAgs",
                table: "locations",
                column: "OwnerRegionAgs");

            migrationBuilder.CreateIndex(
                name: "IX_organizations_OwnerRegionAgs",
                table: "organizations",
                column: "OwnerRegionAgs");

            migrationBuilder.CreateIndex(
                name: "IX_regions_ParentAgs",
                table: "regions",
                column: "ParentAgs");

            migrationBuilder.CreateIndex(
                name: "IX_services_OrganizationId",
                table: "services",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_services_OwnerRegionAgs",
                table: "services",
                column: "OwnerRegionAgs");

            migrationBuilder.CreateIndex(
                name: "IX_services_at_location_LocationId",
                table: "services_at_location",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_services_at_location_OwnerRegionAgs",
                table: "services_at_location",
                column: "OwnerRegionAgs");

            migrationBuilder.CreateIndex(
                name: "IX_services_at_location_ServiceId",
                table: "services_at_location",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "changes");

            migrationBuilder.DropTable(
                name: "locations");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.DropTable(
                name: "regions");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "services_at_location");
        }
    }
}
