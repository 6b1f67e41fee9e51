using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Appointments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Offers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "offers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegionAgs = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NeedKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstOfferedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppointmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_offers_AppointmentId",
                table: "offers",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_offers_FirstOfferedAt",
                table: "offers",
                column: "FirstOfferedAt");

            migrationBuilder.CreateIndex(
                name: "IX_offers_RegionAgs_ClientId_NeedKey",
                table: "offers",
                columns: new[] { "RegionAgs", "ClientId", "NeedKey" },
                unique: true,
                filter: "\"AppointmentId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "offers");
        }
    }
}
